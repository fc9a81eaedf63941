// The JSON form of SimVtpConfig, byte for byte as reference/simvtp_config.py writes it (json.dumps, indent 2): every
// one of the 20 keys is required on read and unknown keys are rejected.
using System.Text;
using System.Text.Json;

namespace Vtp.Modeling;

public sealed partial record SimVtpConfig
{
    /// <summary>JSON text with every key in declaration order, as the Python reference writes it (ends with a newline).</summary>
    public string ToJson()
    {
        var text = new StringBuilder("{\n");
        var entries = Entries().ToList();
        for (int i = 0; i < entries.Count; i++)
        {
            var (key, value, integer) = entries[i];
            var number = integer ? ((int)value).ToString(System.Globalization.CultureInfo.InvariantCulture) : Format(value);
            text.Append($"  \"{key}\": {number}{(i + 1 < entries.Count ? "," : "")}\n");
        }
        return text.Append("}\n").ToString();
    }

    /// <summary>Parses and validates a config from JSON text.</summary>
    /// <param name="json">A JSON object with exactly the 20 keys.</param>
    /// <param name="source">What the text came from (a path), used in error messages.</param>
    /// <exception cref="ArgumentException">Not JSON, a key missing or unknown, a value of the wrong type or range;
    /// the message starts with <paramref name="source"/>.</exception>
    public static SimVtpConfig FromJson(string json, string source = "<json>")
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(json); }
        catch (JsonException error) { throw new ArgumentException($"{source}: not valid JSON: {error.Message}", error); }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new ArgumentException($"{source}: expected a JSON object, got {root.ValueKind}");
            var values = new Dictionary<string, JsonElement>();
            foreach (var property in root.EnumerateObject())
                if (!values.TryAdd(property.Name, property.Value.Clone()))
                    throw new ArgumentException($"{source}: key '{property.Name}' appears twice");
            var names = Base.Entries().Select(e => e.Key).ToList();
            var missing = names.Where(n => !values.ContainsKey(n)).ToList();
            var unknown = values.Keys.Where(k => !names.Contains(k)).Order(StringComparer.Ordinal).ToList();
            if (missing.Count > 0 || unknown.Count > 0)
                throw new ArgumentException($"{source}: missing keys [{string.Join(", ", missing)}], unknown keys [{string.Join(", ", unknown)}]");
            int I(string key) => Integer(values[key], key, source);
            double D(string key) => Number(values[key], key, source);
            var config = new SimVtpConfig
            {
                ImageSize = I("image_size"), PatchSize = I("patch_size"), NumFrames = I("num_frames"),
                TubeletSize = I("tubelet_size"), InChans = I("in_chans"), EncoderEmbedDim = I("encoder_embed_dim"),
                EncoderDepth = I("encoder_depth"), EncoderNumHeads = I("encoder_num_heads"), MlpRatio = D("mlp_ratio"),
                DecoderEmbedDim = I("decoder_embed_dim"), DecoderDepth = I("decoder_depth"),
                DecoderNumHeads = I("decoder_num_heads"), VocabSize = I("vocab_size"),
                MaxPositionEmbeddings = I("max_position_embeddings"), TypeVocabSize = I("type_vocab_size"),
                TextDropout = D("text_dropout"), DropPathRate = D("drop_path_rate"), VtcTemperature = D("vtc_temperature"),
                VideoMaskRatio = D("video_mask_ratio"), TextMaskRatio = D("text_mask_ratio"),
            };
            try { return config.Validate(); }
            catch (ArgumentException error) { throw new ArgumentException($"{source}: {error.Message}", error); }
        }
    }

    private static int Integer(JsonElement value, string key, string source) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var result)
            ? result
            : throw new ArgumentException($"{source}: config '{key}' must be an integer, got {value.GetRawText()}");

    private static double Number(JsonElement value, string key, string source) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var result)
            ? result
            : throw new ArgumentException($"{source}: config '{key}' must be a number, got {value.GetRawText()}");
}
