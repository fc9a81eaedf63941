#nullable disable
namespace Microsoft.ML;

/// <summary>Data transformations, <c>mlContext.Transforms</c>; the transforms are extension methods.</summary>
public sealed class TransformsCatalog
{
    internal TransformsCatalog()
    {
    }
}
