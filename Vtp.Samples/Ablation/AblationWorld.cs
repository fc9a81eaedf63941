using Vtp.Data;
using Vtp.Modeling;
using Vtp.Retrieval;
using Vtp.Text;
using Vtp.Video;

namespace Vtp.Samples.Ablation;

/// <summary>
/// What every run of one ablation shares: the training and held-out clips, a WordPiece vocabulary learned from the
/// training captions, the tiny model config, and one <see cref="ClipDecodeCache"/> so that each distinct clip is
/// probed and decoded once per invocation however many runs read it.
/// </summary>
public sealed class AblationWorld
{
    /// <summary>A world over the given splits, with the tiny config sized to a vocabulary of at most <paramref name="vocabularySize"/> tokens.</summary>
    /// <exception cref="ArgumentException">A split is empty.</exception>
    public AblationWorld(IReadOnlyList<VideoTextSample> train, IReadOnlyList<VideoTextSample> test, int vocabularySize = 128)
    {
        if (train.Count == 0 || test.Count < 2)
            throw new ArgumentException($"An ablation needs training clips and at least 2 held-out clips; got {train.Count} and {test.Count}.");
        Train = train;
        Test = test;
        Tokenizer = new BertTokenizer(WordPieceVocabularyBuilder.Build(train.Select(s => s.Caption), vocabularySize));
        Config = SimVtpConfig.Tiny with { VocabSize = Tokenizer.Vocabulary.Count };
    }

    /// <summary>Clips and captions that pretraining and fine-tuning learn from.</summary>
    public IReadOnlyList<VideoTextSample> Train { get; }

    /// <summary>Held-out clips and captions every metric is measured on.</summary>
    public IReadOnlyList<VideoTextSample> Test { get; }

    /// <summary>The vocabulary learned from the training captions.</summary>
    public BertTokenizer Tokenizer { get; }

    /// <summary>The official config at the tiny size (text 75%, video 90%), sized to the vocabulary; rows change its ratios.</summary>
    public SimVtpConfig Config { get; }

    /// <summary>Probes and decodes shared by every run.</summary>
    public ClipDecodeCache Cache { get; } = new();

    /// <summary>How held-out clips are read for every metric: the embedder's one centred view, through the shared cache.</summary>
    public ClipSamplingOptions TestSampling => SimVtpEmbedder.Sampling(Config) with { Cache = Cache };

    /// <summary>The held-out clips, decoded once (in list order) for the pretraining metrics.</summary>
    public IReadOnlyList<LoadedClip> TestClips => testClips ??= new VideoLoader(Test, new VideoLoaderOptions { Sampling = TestSampling }).ReadEpoch().ToList();

    private IReadOnlyList<LoadedClip>? testClips;
}
