// The test assembly's entry point (GenerateProgramFile is off): test runners never call it; tests that need a fresh
// process start `dotnet Vtp.Tests.dll <verb> ...` and land here.
using Vtp.Tests.Distributed;
using Vtp.Tests.Text.Checks;

namespace Vtp.Tests;

internal static class Program
{
    public static int Main(string[] args) => args switch
    {
        [GlooPrivacyChild.Verb, .. var rest] => GlooPrivacyChild.Run(rest),
        [TextCheckProgram.Command] => TextCheckProgram.Run(),
        _ => Usage(),
    };

    private static int Usage()
    {
        Console.Error.WriteLine($"Vtp.Tests runs under a test host; as a program it takes '{GlooPrivacyChild.Verb} ...' or '{TextCheckProgram.Command}'.");
        return 2;
    }
}
