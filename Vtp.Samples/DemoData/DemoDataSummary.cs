namespace Vtp.Samples.DemoData;

/// <summary>What <see cref="DemoDataGenerator.Generate"/> wrote.</summary>
/// <param name="OutputDirectory">The output folder.</param>
/// <param name="TrainCsv">Path of train.csv.</param>
/// <param name="TestCsv">Path of test.csv.</param>
/// <param name="Train">The training clips.</param>
/// <param name="Test">The test clips.</param>
/// <param name="HeldOutTriples">Colour-shape-direction combinations that only test clips show.</param>
/// <param name="Elapsed">Wall-clock time taken.</param>
public sealed record DemoDataSummary(
    string OutputDirectory, string TrainCsv, string TestCsv, IReadOnlyList<DemoClip> Train, IReadOnlyList<DemoClip> Test,
    IReadOnlyList<DemoTriple> HeldOutTriples, TimeSpan Elapsed);

/// <summary>Progress of <see cref="DemoDataGenerator.Generate"/>: clips written so far out of all.</summary>
/// <param name="Completed">Clips written.</param>
/// <param name="Total">Clips to write.</param>
public readonly record struct DemoDataProgress(int Completed, int Total);
