// Entry point of the vtp command line: with no arguments the demo, otherwise the command named (vtp --help lists them).
return Vtp.Samples.Cli.VtpCli.Run(args);
