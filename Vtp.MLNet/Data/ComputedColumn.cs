// A column that a Vtp transformer adds to its input, computed from the bound input columns a batch of rows at a time.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Vtp.MLNet;

/// <summary>
/// One output column: a known-size vector of Single (an embedding) or a Single (a score), computed for a batch of
/// rows at once from their video and/or caption values.
/// </summary>
internal abstract class ComputedColumn(string name, DataViewType type, bool readsVideo, bool readsCaption)
{
    /// <summary>The output column's name.</summary>
    public string Name { get; } = name;

    /// <summary>Vector&lt;Single, n&gt; or Single.</summary>
    public DataViewType Type { get; } = type;

    /// <summary>Whether the video path (and the clip bounds) are read.</summary>
    public bool ReadsVideo { get; } = readsVideo;

    /// <summary>Whether the caption is read.</summary>
    public bool ReadsCaption { get; } = readsCaption;

    /// <summary>The values of each row, in order (a one-element array for a scalar column).</summary>
    public abstract float[][] Compute(IReadOnlyList<InputValues> rows, CancellationToken cancellationToken);

    /// <summary>A getter of this column's value for the current row, read through <paramref name="current"/>.</summary>
    /// <exception cref="InvalidOperationException"><typeparamref name="TValue"/> is not the column's raw type.</exception>
    public ValueGetter<TValue> Getter<TValue>(Func<float[]> current)
    {
        Delegate getter = Type is VectorDataViewType
            ? (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) =>
            {
                var values = current();
                var editor = VBufferEditor.Create(ref value, values.Length);
                values.CopyTo(editor.Values);
                value = editor.Commit();
            })
            : (ValueGetter<float>)((ref float value) => value = current()[0]);
        return getter as ValueGetter<TValue> ?? throw new InvalidOperationException(
            $"Column '{Name}' is of type {Type} and is read as {(Type is VectorDataViewType ? "VBuffer<Single>" : "Single")}, not {typeof(TValue).Name}.");
    }
}
