// The build step that lets TorchSharp's bridge load on Debian 12, on small ELF fixtures compiled here: a stand-in
// "libstdc++.so.6" with or without the newer version, and a library that needs it.
using System.Diagnostics;
using Vtp.Build;

namespace Vtp.Tests.Build;

[TestClass]
public sealed class WeakenMissingLibstdcxxVersionsTests
{
    private const string Unused = "_ZSt21ios_base_library_initv";   // the symbol GCC 13's <iostream> references
    private const string Used = "_ZSt18some_called_functionv";

    [TestMethod]
    public void AMissingVersionWhoseOnlySymbolIsNeverCalledIsMarkedWeak_AndTheLibraryThenLoads()
    {
        var dir = Fixture(userSymbols: [Unused]);
        var user = Path.Combine(dir, "libuser.so");
        StringAssert.Contains(Load(dir, user), "version `GLIBCXX_3.4.32' not found", "the fixture fails as libLibTorchSharp.so does on Debian 12");
        var before = File.ReadAllBytes(user);

        var (ok, log) = Run(user, Path.Combine(dir, "old", "libstdc++.so.6"));

        Assert.IsTrue(ok, log);
        var after = File.ReadAllBytes(user);
        var need = ElfVersions.Needed(after, "libstdc++.so.6").Single(n => n.Name == "GLIBCXX_3.4.32");
        Assert.IsTrue(need.Weak, "the need is weak now");
        Assert.AreEqual(1, before.Zip(after).Count(p => p.First != p.Second), "one byte changed: vna_flags");
        Assert.AreEqual("loaded", Load(dir, user), "glibc accepts a weak version it cannot find");
        StringAssert.Contains(log, "marked the need for GLIBCXX_3.4.32 weak");
    }

    [TestMethod]
    public void NothingChangesWhenTheSystemHasTheVersion()
    {
        var dir = Fixture(userSymbols: [Unused]);
        var user = Path.Combine(dir, "libuser.so");
        var before = File.ReadAllBytes(user);
        var (ok, log) = Run(user, Path.Combine(dir, "new", "libstdc++.so.6"));
        Assert.IsTrue(ok, log);
        CollectionAssert.AreEqual(before, File.ReadAllBytes(user));
    }

    [TestMethod]
    public void AMissingVersionOfACalledSymbolFailsNamingTheLibraryVersionAndFix()
    {
        var dir = Fixture(userSymbols: [Unused, Used]);
        var user = Path.Combine(dir, "libuser.so");
        var before = File.ReadAllBytes(user);
        var (ok, log) = Run(user, Path.Combine(dir, "old", "libstdc++.so.6"));
        Assert.IsFalse(ok);
        StringAssert.Contains(log, $"{user} needs GLIBCXX_3.4.32 for {Used}");
        StringAssert.Contains(log, "Install a newer libstdc++6");
        CollectionAssert.AreEqual(before, File.ReadAllBytes(user), "left as it was");
    }

    [TestMethod]
    public void AFileThatIsNotElfIsReported()
    {
        var dir = Fixture(userSymbols: [Unused]);
        var text = Path.Combine(dir, "not-elf.so");
        File.WriteAllText(text, "not an ELF file at all, but long enough to hold a header......");
        var (ok, log) = Run(text, Path.Combine(dir, "old", "libstdc++.so.6"));
        Assert.IsFalse(ok);
        StringAssert.Contains(log, "not a 64-bit little-endian ELF file");
    }

    // Compiles new/libstdc++.so.6 (defines GLIBCXX_3.4.30 and GLIBCXX_3.4.32), old/libstdc++.so.6 (only 3.4.30), and
    // libuser.so linked against the new one, referencing (never calling) the given GLIBCXX_3.4.32 symbols.
    private static string Fixture(string[] userSymbols)
    {
        var dir = Directory.CreateTempSubdirectory("vtp-elf-").FullName;
        foreach (var (folder, versions) in new[] { ("new", new[] { "GLIBCXX_3.4.30", "GLIBCXX_3.4.32" }), ("old", ["GLIBCXX_3.4.30"]) })
        {
            Directory.CreateDirectory(Path.Combine(dir, folder));
            var newest = versions[^1] == "GLIBCXX_3.4.32";
            File.WriteAllText(Path.Combine(dir, folder, "map"),
                "GLIBCXX_3.4.30 { global: old_function; local: *; };\n" + (newest ? $"GLIBCXX_3.4.32 {{ global: {Unused}; {Used}; }} GLIBCXX_3.4.30;\n" : ""));
            File.WriteAllText(Path.Combine(dir, folder, "std.c"),
                "void old_function(void) {}\n" + (newest ? $"void {Unused}(void) {{}}\nvoid {Used}(void) {{}}\n" : ""));
            Gcc(Path.Combine(dir, folder), "-shared", "-fPIC", "-o", "libstdc++.so.6", "-Wl,-soname,libstdc++.so.6", "-Wl,--version-script=map", "std.c");
        }
        // A bare .globl references a symbol with no relocation, as GCC 13's <iostream> does; old_function is called.
        File.WriteAllText(Path.Combine(dir, "user.c"),
            string.Concat(userSymbols.Select(s => $"__asm__(\".globl {s}\");\n")) + "void old_function(void);\nvoid user(void) { old_function(); }\n");
        Gcc(dir, "-shared", "-fPIC", "-o", "libuser.so", "user.c", "new/libstdc++.so.6");
        return dir;
    }

    private static void Gcc(string folder, params string[] arguments)
    {
        var info = new ProcessStartInfo("gcc") { WorkingDirectory = folder, RedirectStandardError = true };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        using var gcc = Process.Start(info)!;
        var errors = gcc.StandardError.ReadToEnd();
        gcc.WaitForExit();
        Assert.AreEqual(0, gcc.ExitCode, $"gcc {string.Join(' ', arguments)}: {errors}");
    }

    // dlopen in a fresh process whose loader finds the OLD stand-in first.
    private static string Load(string dir, string library)
    {
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"import ctypes\ntry:\n    ctypes.CDLL('{library}')\n    print('loaded')\nexcept OSError as e:\n    print(e)");
        info.Environment["LD_LIBRARY_PATH"] = Path.Combine(dir, "old");
        using var python = Process.Start(info)!;
        var output = python.StandardOutput.ReadToEnd();
        python.WaitForExit();
        return output.Trim();
    }

    private static (bool Ok, string Log) Run(string library, string systemLibstdcxx) => LibstdcxxVersionFix.Apply(library, systemLibstdcxx);
}
