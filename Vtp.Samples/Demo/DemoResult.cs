using Vtp.MLNet;

namespace Vtp.Samples.Demo;

/// <summary>What the demo did and found.</summary>
/// <param name="DataDirectory">The demo data folder.</param>
/// <param name="GeneratedData">True when this run generated the data.</param>
/// <param name="TrainClips">Training clips used.</param>
/// <param name="TestClips">Held-out clips embedded and searched.</param>
/// <param name="VocabularySize">Tokens of the vocabulary learned from the training captions.</param>
/// <param name="PretrainSteps">Pretraining steps (0 when skipped).</param>
/// <param name="FineTuneSteps">Fine-tuning steps.</param>
/// <param name="PretrainLosses">The last pretraining step's losses (null when skipped or resumed complete).</param>
/// <param name="FineTuneLosses">The last fine-tuning step's losses.</param>
/// <param name="Metrics">Retrieval metrics on the held-out clips.</param>
/// <param name="ChanceR1">R@1 (percent) of a random ranking.</param>
/// <param name="Examples">Example text-to-video searches.</param>
/// <param name="Package">The fine-tuned model package.</param>
/// <param name="EmbeddingFiles">The video and caption embedding files of the held-out clips (.npy, each with a .keys.jsonl).</param>
/// <param name="PhaseSeconds">Wall-clock seconds per phase.</param>
public sealed record DemoResult(string DataDirectory, bool GeneratedData, int TrainClips, int TestClips, int VocabularySize, long PretrainSteps,
    long FineTuneSteps, IReadOnlyDictionary<string, double>? PretrainLosses, IReadOnlyDictionary<string, double>? FineTuneLosses,
    VtpRetrievalMetrics Metrics, double ChanceR1, IReadOnlyList<ExampleSearch> Examples, string Package, IReadOnlyList<string> EmbeddingFiles,
    IReadOnlyDictionary<string, double> PhaseSeconds);

/// <summary>One example text-to-video search: a held-out caption and the clips it retrieves.</summary>
/// <param name="Query">The caption used as the query.</param>
/// <param name="ExpectedVideo">The clip it describes.</param>
/// <param name="Hits">The best clips, best first.</param>
/// <param name="Found">True when the described clip is among <paramref name="Hits"/>.</param>
public sealed record ExampleSearch(string Query, string ExpectedVideo, IReadOnlyList<ExampleHit> Hits, bool Found);

/// <summary>A retrieved clip with its own caption and its cosine similarity to the query.</summary>
public sealed record ExampleHit(int Rank, string Video, string Caption, float Score, bool IsExpected);
