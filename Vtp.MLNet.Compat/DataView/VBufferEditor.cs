#nullable disable
namespace Microsoft.ML.Data;

/// <summary>Creates <see cref="VBufferEditor{T}"/> instances over a buffer's reusable arrays.</summary>
public static class VBufferEditor
{
    /// <summary>An editor with the same length and density as <paramref name="destination"/>.</summary>
    public static VBufferEditor<T> CreateFromBuffer<T>(ref VBuffer<T> destination) => destination.GetEditor();

    /// <summary>
    /// An editor for a buffer of <paramref name="newLogicalLength"/> with <paramref name="valuesCount"/> explicit values
    /// (dense when omitted), reusing <paramref name="destination"/>'s arrays when they are large enough.
    /// </summary>
    /// <param name="destination">The buffer whose arrays may be reused.</param>
    /// <param name="newLogicalLength">The logical length of the edited buffer.</param>
    /// <param name="valuesCount">The number of explicit values; omitted means dense.</param>
    /// <param name="maxValuesCapacity">The most values the arrays may grow to.</param>
    /// <param name="keepOldOnResize">Whether growing keeps the old contents.</param>
    /// <param name="requireIndicesOnDense">Whether to provide an indices span even for a dense buffer.</param>
    public static VBufferEditor<T> Create<T>(ref VBuffer<T> destination, int newLogicalLength, int? valuesCount = null,
        int? maxValuesCapacity = null, bool keepOldOnResize = false, bool requireIndicesOnDense = false)
        => destination.GetEditor(newLogicalLength, valuesCount, maxValuesCapacity, keepOldOnResize, requireIndicesOnDense);
}

/// <summary>
/// Fills a <see cref="VBuffer{T}"/> in place: write <see cref="Values"/> (and <see cref="Indices"/> when sparse),
/// then call <see cref="Commit"/>.
/// </summary>
public readonly ref struct VBufferEditor<T>
{
    private readonly int _logicalLength;
    private readonly T[] _values;
    private readonly int[] _indices;

    /// <summary>The values to fill.</summary>
    public readonly Span<T> Values;

    /// <summary>The increasing indices to fill when sparse; empty when dense unless indices were requested.</summary>
    public readonly Span<int> Indices;

    internal VBufferEditor(int logicalLength, int valuesCount, T[] values, int[] indices, bool requireIndicesOnDense,
        bool createdNewValues, bool createdNewIndices)
    {
        _logicalLength = logicalLength;
        _values = values;
        _indices = indices;
        Values = values.AsSpan(0, valuesCount);
        Indices = valuesCount != logicalLength || requireIndicesOnDense ? indices.AsSpan(0, valuesCount) : default;
        CreatedNewValues = createdNewValues;
        CreatedNewIndices = createdNewIndices;
    }

    /// <summary>Whether a new values array had to be allocated.</summary>
    public bool CreatedNewValues { get; }

    /// <summary>Whether a new indices array had to be allocated.</summary>
    public bool CreatedNewIndices { get; }

    /// <summary>The buffer holding the edited values.</summary>
    public VBuffer<T> Commit() => new(_logicalLength, Values.Length, _values, _indices);

    /// <summary>The buffer holding only the first <paramref name="physicalValuesCount"/> edited values.</summary>
    public VBuffer<T> CommitTruncated(int physicalValuesCount)
    {
        if (physicalValuesCount > Values.Length)
            throw new ArgumentOutOfRangeException(nameof(physicalValuesCount),
                $"Cannot exceed the {Values.Length} values the editor was created with, got {physicalValuesCount}.");
        return new VBuffer<T>(_logicalLength, physicalValuesCount, _values, _indices);
    }
}
