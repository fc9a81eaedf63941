// MSBuild task (compiled by RoslynCodeTaskFactory from Directory.Build.targets, and by Vtp.Tests): lets TorchSharp's
// libLibTorchSharp.so load on a system whose libstdc++ is older than the one it was linked against (Debian 12 and
// Ubuntu 22.04 stop at GLIBCXX_3.4.30; TorchSharp 0.107 asks for GLIBCXX_3.4.32). For each libstdc++ version the
// library needs and the system lacks, if the only symbols of that version are ones known never to be called, the copy
// in the build output gets that version need marked weak (VER_FLG_WEAK in its Vernaux entry), which glibc then accepts
// with a note. Any other missing version fails the build with the library, the version and the fix. docs/dependencies.md.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
#if !VTP_BUILD_TASK_TESTS
using Microsoft.Build.Framework;
#endif

namespace Vtp.Build
{
#if !VTP_BUILD_TASK_TESTS   // the tests call LibstdcxxVersionFix directly, without MSBuild
    public sealed class WeakenMissingLibstdcxxVersions : Microsoft.Build.Utilities.Task
    {
        /// <summary>The library to fix in place (a copy in the build output, never the package cache).</summary>
        [Required] public string Library { get; set; } = "";

        /// <summary>The system's libstdc++.so.6 (the one the loader will use).</summary>
        [Required] public string SystemLibstdcxx { get; set; } = "";

        public override bool Execute()
        {
            var (ok, message) = LibstdcxxVersionFix.Apply(Library, SystemLibstdcxx);
            if (!ok) Log.LogError(message);
            else if (message.Length > 0) Log.LogMessage(MessageImportance.High, message);
            return ok;
        }
    }
#endif

    /// <summary>The edit itself: weakens the needs of <c>Library</c> that the system's libstdc++ cannot meet, when their
    /// symbols are never called.</summary>
    public static class LibstdcxxVersionFix
    {
        // std::ios_base_library_init(): GCC 13's <iostream> only references it; libtorch's own iostream start-up runs first.
        private static readonly string[] NeverCalled = { "_ZSt21ios_base_library_initv" };

        /// <summary>Checks <paramref name="library"/> against <paramref name="systemLibstdcxx"/> and edits it in place when
        /// that is safe; returns whether it loads now, and what was done or what is wrong (empty when nothing was needed).</summary>
        public static (bool Ok, string Message) Apply(string library, string systemLibstdcxx)
        {
            try
            {
                var available = ElfVersions.Defined(File.ReadAllBytes(systemLibstdcxx));
                var image = File.ReadAllBytes(library);
                var missing = ElfVersions.Needed(image, "libstdc++.so.6").Where(v => !v.Weak && !available.Contains(v.Name)).ToList();
                var done = new List<string>();
                foreach (var version in missing)
                {
                    var users = ElfVersions.UndefinedSymbols(image, version.Index).Where(s => !NeverCalled.Contains(s)).ToList();
                    if (users.Count > 0)
                        return (false, $"{library} needs {version.Name} for {string.Join(", ", users)}, but {systemLibstdcxx} does not provide it. " +
                            "Install a newer libstdc++6 (GCC 13 or later), or use a system that has one (Debian 13, Ubuntu 24.04).");
                    ElfVersions.MarkWeak(image, version);
                    done.Add($"{Path.GetFileName(library)}: marked the need for {version.Name} weak (the system libstdc++ lacks it; its only symbol is never called)");
                }
                if (done.Count > 0) File.WriteAllBytes(library, image);
                return (true, string.Join(Environment.NewLine, done));
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                return (false, $"Could not check {library} against {systemLibstdcxx}: {e.Message}");
            }
        }
    }

    /// <summary>The ELF64 little-endian symbol-versioning tables, read and edited in place.</summary>
    public static class ElfVersions
    {
        private const uint VersionNeeds = 0x6ffffffe, VersionDefinitions = 0x6ffffffd, VersionSymbols = 0x6fffffff, DynamicSymbols = 11;
        private const ushort WeakFlag = 2;

        /// <summary>One version a library needs from another (a Vernaux entry).</summary>
        public sealed class Need
        {
            public Need(string name, ushort index, bool weak, int flagsOffset) => (Name, Index, Weak, FlagsOffset) = (name, index, weak, flagsOffset);
            public string Name { get; }
            public ushort Index { get; }
            public bool Weak { get; }
            public int FlagsOffset { get; }
        }

        /// <summary>The versions <paramref name="image"/> needs from <paramref name="file"/>.</summary>
        public static List<Need> Needed(byte[] image, string file)
        {
            var result = new List<Need>();
            var (section, strings) = Section(image, VersionNeeds);
            if (section is null) return result;
            var (offset, count) = ((int)U64(image, section.Value + 24), (int)U32(image, section.Value + 44));
            for (int n = 0; n < count; n++)
            {
                var (auxCount, fileName, aux, next) = (U16(image, offset + 2), U32(image, offset + 4), U32(image, offset + 8), U32(image, offset + 12));
                if (Text(image, strings, fileName) == file)
                    for (int a = 0, at = offset + (int)aux; a < auxCount; a++, at += (int)U32(image, at + 12))
                        result.Add(new Need(Text(image, strings, U32(image, at + 8)), U16(image, at + 6), (U16(image, at + 4) & WeakFlag) != 0, at + 4));
                if (next == 0) break;
                offset += (int)next;
            }
            return result;
        }

        /// <summary>The version names a library defines (e.g. GLIBCXX_3.4.30 for a libstdc++).</summary>
        public static HashSet<string> Defined(byte[] image)
        {
            var result = new HashSet<string>();
            var (section, strings) = Section(image, VersionDefinitions);
            if (section is null) return result;
            var (offset, count) = ((int)U64(image, section.Value + 24), (int)U32(image, section.Value + 44));
            for (int d = 0; d < count; d++)
            {
                result.Add(Text(image, strings, U32(image, offset + (int)U32(image, offset + 12))));   // first Verdaux: the name
                var next = U32(image, offset + 16);
                if (next == 0) break;
                offset += (int)next;
            }
            return result;
        }

        /// <summary>The undefined dynamic symbols bound to version index <paramref name="index"/>.</summary>
        public static List<string> UndefinedSymbols(byte[] image, ushort index)
        {
            var (symbols, strings) = Section(image, DynamicSymbols);
            var (versions, _) = Section(image, VersionSymbols);
            if (symbols is null || versions is null) throw new InvalidDataException("no dynamic symbol or version table");
            var (offset, size) = ((int)U64(image, symbols.Value + 24), (int)U64(image, symbols.Value + 32));
            var versionOffset = (int)U64(image, versions.Value + 24);
            var result = new List<string>();
            for (int i = 0; i < size / 24; i++)
                if ((U16(image, versionOffset + 2 * i) & 0x7fff) == index && U16(image, offset + 24 * i + 6) == 0)
                    result.Add(Text(image, strings, U32(image, offset + 24 * i)));
            return result;
        }

        /// <summary>Sets VER_FLG_WEAK on one need, in place.</summary>
        public static void MarkWeak(byte[] image, Need need) => image[need.FlagsOffset] |= (byte)WeakFlag;   // low byte of vna_flags

        // The section header of the first section of this type, and the file offset of the string table it links to.
        private static (int? Header, int Strings) Section(byte[] image, uint type)
        {
            if (image.Length < 64 || image[0] != 0x7f || image[1] != 'E' || image[2] != 'L' || image[3] != 'F' || image[4] != 2 || image[5] != 1)
                throw new InvalidDataException("not a 64-bit little-endian ELF file");
            var (table, entrySize, count) = ((int)U64(image, 0x28), U16(image, 0x3A), U16(image, 0x3C));
            if (table <= 0 || entrySize != 64 || table + count * 64 > image.Length) throw new InvalidDataException("bad section header table");
            for (int i = 0; i < count; i++)
            {
                var header = table + i * 64;
                if (U32(image, header + 4) != type) continue;
                var link = table + (int)U32(image, header + 40) * 64;
                return (header, (int)U64(image, link + 24));
            }
            return (null, 0);
        }

        private static string Text(byte[] image, int strings, uint offset)
        {
            var start = strings + (int)offset;
            var end = Array.IndexOf(image, (byte)0, start);
            if (start >= image.Length || end < 0) throw new InvalidDataException("string outside the file");
            return Encoding.ASCII.GetString(image, start, end - start);
        }

        private static ushort U16(byte[] b, int at) => at + 2 <= b.Length ? BitConverter.ToUInt16(b, at) : throw Outside();
        private static uint U32(byte[] b, int at) => at + 4 <= b.Length ? BitConverter.ToUInt32(b, at) : throw Outside();
        private static ulong U64(byte[] b, int at) => at + 8 <= b.Length ? BitConverter.ToUInt64(b, at) : throw Outside();
        private static InvalidDataException Outside() => new("a table points outside the file");
    }
}
