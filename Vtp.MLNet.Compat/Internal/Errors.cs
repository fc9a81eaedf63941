#nullable disable
using Microsoft.ML.Data;

namespace Microsoft.ML;

// The exceptions ML.NET throws for misuse of schemas, rows and cursors, with messages that name the column and both
// the expected and the actual value.
internal static class Errors
{
    public const string FetchValueStateError =
        "Values cannot be fetched at this time. This method was called either before the first call to MoveNext " +
        "or after the first call to MoveNext that returned false.";

    public static InvalidOperationException NotOnRow() => new(FetchValueStateError);

    public static ArgumentOutOfRangeException InactiveColumn(DataViewSchema.Column column)
        => new("column", $"Column '{column.Name}' (index {column.Index}) is not active: it was not among the columns requested when the row or cursor was created.");

    public static ArgumentOutOfRangeException ColumnOutOfRange(string paramName, int index, int count)
        => new(paramName, $"Column index {index} is not in this schema, which has columns 0 to {count - 1}.");

    public static InvalidOperationException WrongGetterType(DataViewSchema.Column column, Type requested)
        => new($"Invalid TValue in GetGetter for column '{column.Name}': requested '{requested}', but the column type {column.Type} " +
            $"is read as '{column.Type.RawType}' (text as ReadOnlyMemory<char>, vectors as VBuffer<T>).");

    // ML.NET's ExceptSchemaMismatch: "Could not find {role} column 'x'" or "Schema mismatch for {role} column 'x': expected E, got A".
    public static ArgumentOutOfRangeException SchemaMismatch(string paramName, string role, string columnName,
        string expectedType = null, string actualType = null)
        => new(paramName, actualType == null
            ? $"Could not find {role} column '{columnName}'"
            : $"Schema mismatch for {role} column '{columnName}': expected {expectedType}, got {actualType}");

    public static InvalidOperationException CannotBind(string columnName, DataViewType columnType, string memberName, Type memberType)
        => new($"Can't bind the IDataView column '{columnName}' of type '{columnType}' to field or property '{memberName}' of type '{memberType.FullName}'.");

    public static NotSupportedException ModelFilesNotSupported(object component)
        => new($"{component.GetType().Name} cannot be written to an ML.NET model file by the Vtp.MLNet.Compat layer, " +
            "which does not implement ML.NET model files; save it with its own API instead.");
}
