// manifest.json of a Vtp model package: what the package is and a SHA-256 of every other entry.
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Vtp.MLNet;

/// <summary>
/// The manifest of a model package, written as snake_case JSON. <see cref="Settings"/> holds the saving
/// transformer's column bindings and batch settings (absent when a bare model was saved).
/// </summary>
internal sealed record PackageManifest
{
    /// <summary>The only format version this library writes and reads.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The format name every package carries.</summary>
    public const string FormatName = "vtp-model-package";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Always <see cref="FormatName"/>.</summary>
    public string? Format { get; init; }

    /// <summary>Layout version of the package.</summary>
    public int FormatVersion { get; init; }

    /// <summary>Version of the Vtp library that wrote it.</summary>
    public string? LibraryVersion { get; init; }

    /// <summary>"pretrain" or "dual-encoder".</summary>
    public string? Kind { get; init; }

    /// <summary>Lower-case hex SHA-256 of every other entry, by entry name.</summary>
    public Dictionary<string, string>? Entries { get; init; }

    /// <summary>The saving transformer's settings, or null.</summary>
    public JsonObject? Settings { get; init; }

    /// <summary>This library's version, as written into manifests.</summary>
    public static string LibraryVersionOfThisBuild =>
        typeof(PackageManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(PackageManifest).Assembly.GetName().Version?.ToString() ?? "unknown";

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <exception cref="InvalidDataException">Not JSON or not an object; the message names <paramref name="source"/>.</exception>
    public static PackageManifest Parse(byte[] utf8, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<PackageManifest>(utf8, Json) ?? throw new InvalidDataException($"{source} is empty (null).");
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{source} is not a valid manifest: {error.Message}", error);
        }
    }
}
