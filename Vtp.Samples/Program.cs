// Entry point of the vtp command line (commands arrive with the CLI issue).
return 0;
