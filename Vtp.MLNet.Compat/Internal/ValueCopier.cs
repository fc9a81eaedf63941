#nullable disable
using Microsoft.ML.Data;

namespace Microsoft.ML;

// Copies column values so that the copy shares no buffers with the source: VBuffer<T> contents are copied into the
// destination's own arrays; every other raw type is copied by assignment.
internal static class ValueCopier<T>
{
    public delegate void CopyAction(in T source, ref T destination);

    public static readonly CopyAction Copy = CreateCopy();

    private static CopyAction CreateCopy()
    {
        if (!typeof(T).IsGenericType || typeof(T).GetGenericTypeDefinition() != typeof(VBuffer<>))
            return (in T source, ref T destination) => destination = source;
        var method = typeof(ValueCopier<T>).GetMethod(nameof(CopyVBuffer), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)
            .MakeGenericMethod(typeof(T).GetGenericArguments()[0]);
        return (CopyAction)method.CreateDelegate(typeof(CopyAction));
    }

    private static void CopyVBuffer<TItem>(in VBuffer<TItem> source, ref VBuffer<TItem> destination)
        => source.CopyTo(ref destination);

    // A getter that always yields a private copy of value.
    public static ValueGetter<T> ConstantGetter(T value)
        => (ref T destination) => Copy(in value, ref destination);
}
