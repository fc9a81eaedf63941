using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Vtp.Tests.Compat;

// A small trainable estimator written only against ML.NET's public API: Fit learns the mean of a float column and
// returns a custom mapping that writes the centred value to "Centered". It counts the rows it trained on.
public sealed class CenteringEstimator : IEstimator<CustomMappingTransformer<CenteringEstimator.Input, CenteringEstimator.Output>>
{
    private readonly MLContext _context;

    public CenteringEstimator(MLContext context) => _context = context;

    public int TrainingRows { get; private set; }

    public float LearnedMean { get; private set; }

    public CustomMappingTransformer<Input, Output> Fit(IDataView input)
    {
        float[] values = input.GetColumn<float>("Copy").ToArray();
        TrainingRows = values.Length;
        float mean = values.Average();
        LearnedMean = mean;
        return _context.Transforms.CustomMapping<Input, Output>((source, destination) => destination.Centered = source.Copy - mean, null)
            .Fit(input);
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
        => _context.Transforms.CustomMapping<Input, Output>((_, _) => { }, null).GetOutputSchema(inputSchema);

    public sealed class Input
    {
        public float Copy { get; set; }
    }

    public sealed class Output
    {
        public float Centered { get; set; }
    }
}
