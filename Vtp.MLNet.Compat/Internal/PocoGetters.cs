#nullable disable
using System.Reflection;
using Microsoft.ML.Data;

namespace Microsoft.ML;

// Column getters over the current object of a user row type (ML.NET's InputRowBase getters): string members are read
// as ReadOnlyMemory<char> (null as empty), arrays as dense VBuffers, VBuffer members are copied.
internal static class PocoGetters<TRow>
    where TRow : class
{
    // One getter per active column; null for inactive ones. current() must return the row object to read.
    public static Delegate[] Create(PocoColumn[] columns, bool[] active, Func<TRow> current)
    {
        var getters = new Delegate[columns.Length];
        for (int i = 0; i < columns.Length; i++)
        {
            if (active[i])
                getters[i] = Create(columns[i], current);
        }
        return getters;
    }

    private static Delegate Create(PocoColumn column, Func<TRow> current)
    {
        Type memberType = column.MemberType;
        string factory = memberType == typeof(string) ? nameof(TextGetter)
            : memberType == typeof(string[]) ? nameof(TextArrayGetter)
            : memberType.IsArray ? nameof(ArrayGetter)
            : column.IsVector ? nameof(VBufferGetter)
            : nameof(ScalarGetter);
        var method = typeof(PocoGetters<TRow>).GetMethod(factory, BindingFlags.NonPublic | BindingFlags.Static);
        if (method.IsGenericMethodDefinition)
            method = method.MakeGenericMethod(column.IsVector ? column.ItemType : memberType);
        return (Delegate)method.Invoke(null, new object[] { column.Member, current });
    }

    private static ValueGetter<ReadOnlyMemory<char>> TextGetter(MemberInfo member, Func<TRow> current)
    {
        var read = PocoMembers.CreateReader<TRow, string>(member);
        return (ref ReadOnlyMemory<char> value) => value = read(current()).AsMemory();
    }

    private static ValueGetter<VBuffer<ReadOnlyMemory<char>>> TextArrayGetter(MemberInfo member, Func<TRow> current)
    {
        var read = PocoMembers.CreateReader<TRow, string[]>(member);
        return (ref VBuffer<ReadOnlyMemory<char>> value) =>
        {
            string[] items = read(current()) ?? Array.Empty<string>();
            var editor = VBufferEditor.Create(ref value, items.Length);
            for (int i = 0; i < items.Length; i++)
                editor.Values[i] = items[i].AsMemory();
            value = editor.Commit();
        };
    }

    private static ValueGetter<VBuffer<T>> ArrayGetter<T>(MemberInfo member, Func<TRow> current)
    {
        var read = PocoMembers.CreateReader<TRow, T[]>(member);
        return (ref VBuffer<T> value) =>
        {
            T[] items = read(current()) ?? Array.Empty<T>();
            var editor = VBufferEditor.Create(ref value, items.Length);
            items.AsSpan().CopyTo(editor.Values);
            value = editor.Commit();
        };
    }

    private static ValueGetter<VBuffer<T>> VBufferGetter<T>(MemberInfo member, Func<TRow> current)
    {
        var read = PocoMembers.CreateReader<TRow, VBuffer<T>>(member);
        return (ref VBuffer<T> value) => read(current()).CopyTo(ref value);
    }

    private static ValueGetter<T> ScalarGetter<T>(MemberInfo member, Func<TRow> current)
    {
        var read = PocoMembers.CreateReader<TRow, T>(member);
        return (ref T value) => value = read(current());
    }
}
