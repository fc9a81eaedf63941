#nullable disable
using System.Reflection;
using Microsoft.ML.Data;

namespace Microsoft.ML;

// A fixed number of slots holding copies of the active column values (and identifiers) of input rows.
internal sealed class RowPool
{
    private readonly SlotColumn[] _columns;
    private readonly DataViewRowId[] _ids;
    private readonly ValueGetter<DataViewRowId> _idGetter;

    public RowPool(DataViewRow input, bool[] active, int capacity)
    {
        _ids = new DataViewRowId[capacity];
        _idGetter = input.GetIdGetter();
        var factory = typeof(RowPool).GetMethod(nameof(CreateColumn), BindingFlags.NonPublic | BindingFlags.Static);
        _columns = input.Schema
            .Select(c => active[c.Index]
                ? (SlotColumn)factory.MakeGenericMethod(c.Type.RawType).Invoke(null, new object[] { input, c, capacity })
                : null)
            .ToArray();
    }

    // Reads the input's current row into slot.
    public void Read(int slot)
    {
        _idGetter(ref _ids[slot]);
        foreach (var column in _columns)
            column?.Read(slot);
    }

    // Exchanges two slots (buffers move with their values, so nothing is shared).
    public void Swap(int first, int second)
    {
        (_ids[first], _ids[second]) = (_ids[second], _ids[first]);
        foreach (var column in _columns)
            column?.Swap(first, second);
    }

    // Getters (null for inactive columns) that read the slot currentSlot() returns.
    public Delegate[] CreateGetters(Func<int> currentSlot) => _columns.Select(c => c?.CreateGetter(currentSlot)).ToArray();

    public ValueGetter<DataViewRowId> CreateIdGetter(Func<int> currentSlot) => (ref DataViewRowId id) => id = _ids[currentSlot()];

    private static SlotColumn CreateColumn<T>(DataViewRow input, DataViewSchema.Column column, int capacity)
        => new SlotColumn<T>(input.GetGetter<T>(column), capacity);

    private abstract class SlotColumn
    {
        public abstract void Read(int slot);
        public abstract void Swap(int first, int second);
        public abstract Delegate CreateGetter(Func<int> currentSlot);
    }

    private sealed class SlotColumn<T> : SlotColumn
    {
        private readonly ValueGetter<T> _getter;
        private readonly T[] _slots;

        public SlotColumn(ValueGetter<T> getter, int capacity)
        {
            _getter = getter;
            _slots = new T[capacity];
        }

        // The slot's previous value is passed to the getter so its buffers are reused.
        public override void Read(int slot) => _getter(ref _slots[slot]);

        public override void Swap(int first, int second) => (_slots[first], _slots[second]) = (_slots[second], _slots[first]);

        public override Delegate CreateGetter(Func<int> currentSlot)
            => (ValueGetter<T>)((ref T value) => ValueCopier<T>.Copy(in _slots[currentSlot()], ref value));
    }
}
