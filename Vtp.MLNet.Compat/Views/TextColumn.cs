#nullable disable
using Microsoft.ML.Data;

namespace Microsoft.ML;

// One column of a text file view: its name, its type and the zero-based fields it reads (several for a vector).
internal sealed class TextColumn
{
    public TextColumn(string name, DataViewType type, int[] fields)
    {
        Name = name;
        Type = type;
        Fields = fields;
    }

    public string Name { get; }
    public DataViewType Type { get; }
    public int[] Fields { get; }

    private delegate bool Parser<T>(ReadOnlyMemory<char> field, out T value);

    private static readonly Dictionary<Type, Delegate> Parsers = new()
    {
        [typeof(ReadOnlyMemory<char>)] = (Parser<ReadOnlyMemory<char>>)TextFields.TryParseText,
        [typeof(float)] = (Parser<float>)TextFields.TryParseSingle,
        [typeof(double)] = (Parser<double>)TextFields.TryParseDouble,
        [typeof(bool)] = (Parser<bool>)TextFields.TryParseBoolean,
        [typeof(sbyte)] = (Parser<sbyte>)TextFields.TryParseInteger,
        [typeof(byte)] = (Parser<byte>)TextFields.TryParseInteger,
        [typeof(short)] = (Parser<short>)TextFields.TryParseInteger,
        [typeof(ushort)] = (Parser<ushort>)TextFields.TryParseInteger,
        [typeof(int)] = (Parser<int>)TextFields.TryParseInteger,
        [typeof(uint)] = (Parser<uint>)TextFields.TryParseInteger,
        [typeof(long)] = (Parser<long>)TextFields.TryParseInteger,
        [typeof(ulong)] = (Parser<ulong>)TextFields.TryParseInteger,
    };

    // Whether values of this raw item type can be parsed from text.
    public static bool CanParse(Type itemType) => Parsers.ContainsKey(itemType);

    // A getter reading this column from the current fields; onBadValue(field) is called for unparsable values.
    public Delegate CreateGetter(Func<TextFields> current, Action<int> onBadValue)
    {
        Type item = ColumnTypes.ItemTypeOf(Type).RawType;
        var method = typeof(TextColumn).GetMethod(nameof(Getter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)
            .MakeGenericMethod(item);
        return (Delegate)method.Invoke(this, new object[] { current, onBadValue, Parsers[item] });
    }

    private Delegate Getter<T>(Func<TextFields> current, Action<int> onBadValue, Parser<T> parse)
    {
        T Read(TextFields fields, int index)
        {
            if (!parse(fields[Fields[index]], out T value))
                onBadValue(Fields[index]);
            return value;
        }
        if (Type is not VectorDataViewType)
            return (ValueGetter<T>)((ref T value) => value = Read(current(), 0));
        return (ValueGetter<VBuffer<T>>)((ref VBuffer<T> value) =>
        {
            TextFields fields = current();
            var editor = VBufferEditor.Create(ref value, Fields.Length);
            for (int i = 0; i < Fields.Length; i++)
                editor.Values[i] = Read(fields, i);
            value = editor.Commit();
        });
    }
}
