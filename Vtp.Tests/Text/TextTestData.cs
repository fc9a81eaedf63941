using System.Text.Json;
using Microsoft.ML.Tokenizers;
using Vtp.Text;
using BertTokenizer = Vtp.Text.BertTokenizer;

namespace Vtp.Tests.Text;

/// <summary>Access to the fixtures under Text/Data, copied next to the test assembly, and small tokenizer helpers.</summary>
internal static class TextTestData
{
    /// <summary>Full path of fixture <paramref name="fileName"/>.</summary>
    public static string PathOf(string fileName) => Path.Combine(AppContext.BaseDirectory, "Text", "Data", fileName);

    /// <summary>Parses fixture <paramref name="fileName"/> as JSON.</summary>
    public static JsonDocument ReadJson(string fileName) => JsonDocument.Parse(File.ReadAllText(PathOf(fileName)));

    /// <summary>The int64 values of a JSON array.</summary>
    public static long[] Int64Array(JsonElement array) => [.. array.EnumerateArray().Select(item => item.GetInt64())];

    /// <summary>The int32 values of a JSON array.</summary>
    public static int[] Int32Array(JsonElement array) => [.. array.EnumerateArray().Select(item => item.GetInt32())];

    /// <summary>The strings of a JSON array.</summary>
    public static string[] StringArray(JsonElement array) => [.. array.EnumerateArray().Select(item => item.GetString()!)];

    /// <summary>The WordPiece tokens of <paramref name="text"/> (no [CLS]/[SEP]), through the Microsoft.ML.Tokenizers API.</summary>
    public static string[] Tokens(BertTokenizer tokenizer, string text) => [.. tokenizer.EncodeToTokens(text, out _).Select(token => token.Value)];

    /// <summary>The stock Microsoft.ML.Tokenizers BERT tokenizer over Vtp's bert-base-uncased vocabulary.</summary>
    public static Microsoft.ML.Tokenizers.BertTokenizer StockBertTokenizer(BertOptions? options = null)
    {
        using var vocabulary = new MemoryStream();
        WordPieceVocabulary.BertBaseUncased.Save(vocabulary);
        vocabulary.Position = 0;
        return Microsoft.ML.Tokenizers.BertTokenizer.Create(vocabulary, options);
    }

    /// <summary>The words the pre-tokenizer finds in <paramref name="normalizedText"/>.</summary>
    public static string[] Words(BertTokenizer tokenizer, string normalizedText) =>
        [.. tokenizer.PreTokenizer.PreTokenize(normalizedText).Select(word => normalizedText.Substring(word.Offset, word.Length))];
}
