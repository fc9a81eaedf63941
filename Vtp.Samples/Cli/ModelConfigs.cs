using Vtp.Modeling;

namespace Vtp.Samples.Cli;

/// <summary>The model configs a command line can name: a preset, or a config JSON file.</summary>
internal static class ModelConfigs
{
    /// <summary>The preset named <paramref name="presetOrPath"/> ("base", "small", "parity", "tiny"), or the config JSON file at that path.</summary>
    /// <exception cref="CliException">A path ending in .json that does not exist.</exception>
    /// <exception cref="ArgumentException">Neither a file nor a preset.</exception>
    public static SimVtpConfig Load(string presetOrPath)
    {
        if (File.Exists(presetOrPath)) return SimVtpConfig.FromJson(File.ReadAllText(presetOrPath), presetOrPath);
        if (presetOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) throw CliException.MissingFile(presetOrPath, "Config file");
        return SimVtpConfig.Preset(presetOrPath);
    }
}
