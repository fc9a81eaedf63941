// Video-text matching scores of (video, caption) rows from a pretrained SimVTP model.
using Microsoft.ML;

namespace Vtp.MLNet;

/// <summary>
/// Appends a Single column (default "Score") holding each row's VTM match probability, computed by the pretrained
/// model's official VTM head on the mean of the joint tokens (see <see cref="VtmVideoInput"/> for which video tokens
/// enter the joint pass; captions are not masked). Fitting only checks the input schema.
/// </summary>
public sealed class SimVtpPairScoringEstimator : IEstimator<SimVtpPairScoringTransformer>
{
    /// <summary>Columns and settings of <see cref="SimVtpPairScoringEstimator"/>.</summary>
    public sealed class Options
    {
        /// <summary>Output Single column of match probabilities in [0, 1]. Default: "Score".</summary>
        public string OutputColumnName = "Score";
        /// <summary>Input text column of video file paths. Default: "VideoPath".</summary>
        public string VideoColumnName = "VideoPath";
        /// <summary>Input text column of captions. Default: "Caption".</summary>
        public string CaptionColumnName = "Caption";
        /// <summary>Optional input column (Single or Double, seconds; NaN = from the beginning) of clip starts. Default: null.</summary>
        public string? StartColumnName;
        /// <summary>Optional input column (Single or Double, seconds; NaN = to the end) of clip ends. Default: null.</summary>
        public string? EndColumnName;
        /// <summary>Folder that relative video paths are resolved against. Default: null (the current directory).</summary>
        public string? VideoFolder;
        /// <summary>Video tokens of the joint pass. Default: <see cref="VtmVideoInput.TubeMasked"/> (as in pretraining).</summary>
        public VtmVideoInput VideoInput = VtmVideoInput.TubeMasked;
        /// <summary>Seed of the one tube mask used for every row with <see cref="VtmVideoInput.TubeMasked"/>. Default: 0.</summary>
        public int MaskSeed;
        /// <summary>Rows scored together (and read ahead) by a cursor. Default: 8.</summary>
        public int BatchSize = 8;
        /// <summary>Video decoding threads, each running one ffmpeg at a time. Default: 2.</summary>
        public int DecodeWorkers = 2;

        internal InputBinding Binding => new(VideoColumnName, CaptionColumnName, StartColumnName, EndColumnName, VideoFolder);

        internal Options Copy() => (Options)MemberwiseClone();
    }

    private readonly SimVtpPretrainTransformer pretrained;
    private readonly Options options;

    /// <exception cref="ArgumentException">The options are invalid; the message names the option.</exception>
    internal SimVtpPairScoringEstimator(SimVtpPretrainTransformer pretrained, Options options)
    {
        ArgumentNullException.ThrowIfNull(pretrained);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (value, name) in new[] { (options.OutputColumnName, nameof(options.OutputColumnName)),
                     (options.VideoColumnName, nameof(options.VideoColumnName)), (options.CaptionColumnName, nameof(options.CaptionColumnName)) })
            if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException($"{name} must name a column, got '{value}'.", name);
        if (options.BatchSize < 1 || options.DecodeWorkers < 1)
            throw new ArgumentException($"BatchSize and DecodeWorkers must be at least 1, got {options.BatchSize} and {options.DecodeWorkers}.", nameof(options));
        this.pretrained = pretrained;
        this.options = options.Copy();
    }

    /// <summary>Checks the input schema and returns the scoring transformer.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An input column is missing or of the wrong type.</exception>
    public SimVtpPairScoringTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var transformer = new SimVtpPairScoringTransformer(pretrained, options);
        transformer.GetOutputSchema(input.Schema);
        return transformer;
    }

    /// <summary>The input shape with the Single score column appended.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An input column is missing or of the wrong type.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        options.Binding.Check(inputSchema, video: true, caption: true);
        return OutputShapes.Append(inputSchema, [OutputShapes.Single(options.OutputColumnName)]);
    }
}
