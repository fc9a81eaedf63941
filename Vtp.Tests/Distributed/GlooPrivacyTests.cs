// libVtpGloo keeps Debian's gloo private from TorchSharp's libtorch_cpu.so, which exports a different gloo under the
// same names. Each case runs in a child process (GlooPrivacyChild) that loads libtorch_cpu.so RTLD_GLOBAL first, under
// LD_DEBUG=bindings, so the dynamic linker reports where every gloo symbol of libVtpGloo and libgloo.so.0 was bound.
using System.Diagnostics;
using System.Text.RegularExpressions;
using Vtp.Distributed;

namespace Vtp.Tests.Distributed;

[TestClass]
public sealed partial class GlooPrivacyTests
{
    [TestMethod]
    public void GlooStaysPrivateWithLibtorchLoadedGloballyFirst()
    {
        var child = RunChild("communicator");
        StringAssert.EndsWith(child.Output["global gloo"], "/libtorch_cpu.so", "libtorch's gloo is in the global scope, so the test can tell");
        StringAssert.Contains(child.Output["provider"], "/libgloo.so.0");
        Assert.AreEqual("3,6,9 3,6,9", child.Output["sums"]);
        Assert.AreEqual(0, child.Bindings.Count(b => b.To.EndsWith("/libtorch_cpu.so")),
            "gloo symbols of libVtpGloo or libgloo bound to libtorch_cpu.so:\n" + string.Join("\n", child.Bindings.Where(b => b.To.EndsWith("/libtorch_cpu.so")).Take(10)));
        Assert.IsGreaterThan(100, child.Bindings.Count(b => b.From.EndsWith("/libgloo.so.0") && b.To.EndsWith("/libgloo.so.0")),
            "libgloo's own gloo references are reported (and bound to itself)");
        Assert.IsGreaterThan(5, child.Bindings.Count(b => b.From.EndsWith("/libVtpGloo.so") && b.To.EndsWith("/libgloo.so.0")));
    }

    [TestMethod]
    public void WithoutDeepBindLibtorchWouldCaptureGloo()
    {
        // The control: the same library loaded with a plain dlopen(RTLD_NOW | RTLD_LOCAL). -Bsymbolic and hidden
        // visibility do not protect libgloo.so.0's references into itself; RTLD_DEEPBIND does.
        var child = RunChild("plain-dlopen");
        StringAssert.EndsWith(child.Output["provider"], "/libtorch_cpu.so");
        Assert.IsGreaterThan(100, child.Bindings.Count(b => b.From.EndsWith("/libgloo.so.0") && b.To.EndsWith("/libtorch_cpu.so")));
    }

    [TestMethod]
    public void TheProviderInThisProcessIsLibgloo() =>
        StringAssert.Contains(GlooCommunicator.GlooLibraryFile, "/libgloo.so.0");

    private sealed record Binding(string From, string To, string Symbol);

    private sealed record Child(Dictionary<string, string> Output, List<Binding> Bindings);

    private static Child RunChild(string mode)
    {
        var libtorch = LibtorchCpu();
        var logs = Directory.CreateTempSubdirectory("vtp-gloo-bindings-");
        try
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Vtp.Tests.dll"), GlooPrivacyChild.Verb, mode, libtorch })
                info.ArgumentList.Add(arg);
            info.Environment["LD_DEBUG"] = "bindings";
            info.Environment["LD_DEBUG_OUTPUT"] = Path.Combine(logs.FullName, "ld");
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{GlooPrivacyChild.Verb} {mode} ran past 120 s; stderr:\n{stderr.Result}");
            }
            Assert.AreEqual(0, process.ExitCode, $"{GlooPrivacyChild.Verb} {mode} failed:\n{stdout.Result}\n{stderr.Result}");
            var output = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split(": ", 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
            var bindings = logs.GetFiles("ld.*").SelectMany(f => File.ReadLines(f.FullName))
                .Select(line => BindingLine().Match(line)).Where(m => m.Success && m.Groups[3].Value.Contains("4gloo"))
                .Select(m => new Binding(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value))
                .Where(b => b.From.EndsWith("/libgloo.so.0") || b.From.EndsWith("/libVtpGloo.so")).ToList();
            return new Child(output, bindings);
        }
        finally
        {
            logs.Delete(recursive: true);
        }
    }

    // TorchSharp's CPU libtorch from the NuGet cache (restored with the real-TorchSharp build).
    private static string LibtorchCpu()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var root = new DirectoryInfo(Path.Combine(packages, "libtorch-cpu-linux-x64"));
        var found = root.Exists
            ? root.GetDirectories().OrderByDescending(d => d.Name, StringComparer.Ordinal)
                .Select(d => Path.Combine(d.FullName, "runtimes", "linux-x64", "native", "libtorch_cpu.so")).FirstOrDefault(File.Exists)
            : null;
        if (found == null) Assert.Fail($"No libtorch_cpu.so under {root.FullName}: restore the solution (dotnet restore Vtp.sln).");
        return found;
    }

    // "binding file A [0] to B [0]: normal symbol `S'" (glibc's LD_DEBUG=bindings format).
    [GeneratedRegex(@"binding file (\S+) \[\d+\] to (\S+) \[\d+\]: \w+ symbol `([^']+)'")]
    private static partial Regex BindingLine();
}
