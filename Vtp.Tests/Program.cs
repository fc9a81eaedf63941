// The test assembly's entry point (GenerateProgramFile is off): test runners never call it; tests that need a fresh
// process start `dotnet Vtp.Tests.dll <verb> ...` and land here.
using Vtp.Tests.Distributed;

namespace Vtp.Tests;

internal static class Program
{
    public static int Main(string[] args) => args switch
    {
        [GlooPrivacyChild.Verb, .. var rest] => GlooPrivacyChild.Run(rest),
        _ => 0,
    };
}
