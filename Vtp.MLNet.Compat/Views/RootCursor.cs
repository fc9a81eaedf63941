#nullable disable
using Microsoft.ML.Data;

namespace Microsoft.ML;

// The cursor of a view that produces its values itself, from one getter per active column: getters of inactive
// columns throw, and reading values while not on a row throws.
internal abstract class RootCursor : CursorBase
{
    private Delegate[] _getters;

    // Derived constructors must call InitializeGetters.
    protected RootCursor(DataViewSchema schema)
        : base(schema)
    {
    }

    // One getter per active column, null for inactive ones.
    protected void InitializeGetters(Delegate[] getters) => _getters = getters;

    public sealed override bool IsColumnActive(DataViewSchema.Column column)
    {
        RowGetters.CheckIndex(Schema, column);
        return _getters[column.Index] != null;
    }

    public sealed override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        => RowGetters.Get<TValue>(Schema, _getters, column);

    // Row identifiers are the row numbers, as for ML.NET's in-memory and text views.
    public override ValueGetter<DataViewRowId> GetIdGetter()
        => (ref DataViewRowId id) => id = new DataViewRowId((ulong)CheckedPosition(), 0);
}
