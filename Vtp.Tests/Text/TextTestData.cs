using System.Text.Json;

namespace Vtp.Tests.Text;

/// <summary>Access to the fixtures under Text/Data, copied next to the test assembly.</summary>
internal static class TextTestData
{
    /// <summary>Full path of fixture <paramref name="fileName"/>.</summary>
    public static string PathOf(string fileName) => Path.Combine(AppContext.BaseDirectory, "Text", "Data", fileName);

    /// <summary>Parses fixture <paramref name="fileName"/> as JSON.</summary>
    public static JsonDocument ReadJson(string fileName) => JsonDocument.Parse(File.ReadAllText(PathOf(fileName)));

    /// <summary>The int64 values of a JSON array.</summary>
    public static long[] Int64Array(JsonElement array) => [.. array.EnumerateArray().Select(item => item.GetInt64())];
}
