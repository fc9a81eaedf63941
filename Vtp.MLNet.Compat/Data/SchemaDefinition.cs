#nullable disable
using System.Reflection;
using Microsoft.ML.Runtime;

namespace Microsoft.ML.Data;

/// <summary>
/// The mapping between a .NET type's public fields and properties and data view columns; edit it to rename columns,
/// set vector sizes known only at run time, or add annotations.
/// </summary>
public sealed class SchemaDefinition : List<SchemaDefinition.Column>
{
    private SchemaDefinition()
    {
    }

    /// <summary>Which members to map: readable ones (to build a view), writable ones (to read a view back), or both.</summary>
    [Flags]
    public enum Direction
    {
        /// <summary>Members that can be read.</summary>
        Read = 1,
        /// <summary>Members that can be written.</summary>
        Write = 2,
        /// <summary>Members that can be read or written.</summary>
        Both = Read | Write,
    }

    /// <summary>The first column named <paramref name="columnName"/> (null when none); setting replaces it or adds one.</summary>
    public Column this[string columnName]
    {
        get => this.FirstOrDefault(c => c.ColumnName == columnName);
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.ColumnName != columnName)
                throw new ArgumentOutOfRangeException(nameof(columnName),
                    $"The column name is specified as '{value.ColumnName}' but must match the selector '{columnName}'.");
            int index = FindIndex(c => c.ColumnName == columnName);
            if (index >= 0)
                this[index] = value;
            else
                Add(value);
        }
    }

    /// <summary>
    /// Maps the public instance fields, then properties, of <paramref name="userType"/>, honouring
    /// <see cref="NoColumnAttribute"/>, <see cref="ColumnNameAttribute"/> and <see cref="VectorTypeAttribute"/>.
    /// </summary>
    public static SchemaDefinition Create(Type userType, Direction direction = Direction.Both)
    {
        ArgumentNullException.ThrowIfNull(userType);
        var definition = new SchemaDefinition();
        var names = new HashSet<string>();
        foreach (var member in MappedMembers(userType, direction))
        {
            string name = member.GetCustomAttribute<ColumnNameAttribute>()?.Name ?? member.Name;
            if (!names.Add(name))
                throw new ArgumentOutOfRangeException(nameof(userType), $"Duplicate column name '{name}' detected, this is disallowed");
            definition.Add(new Column(member.Name, ColumnTypeOf(member), name));
        }
        return definition;
    }

    private static IEnumerable<MemberInfo> MappedMembers(Type userType, Direction direction)
    {
        var fields = userType.GetFields(BindingFlags.Public | BindingFlags.Instance).Where(f => !f.IsLiteral);
        var properties = userType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p =>
            p.GetIndexParameters().Length == 0
            && ((direction.HasFlag(Direction.Read) && p.GetGetMethod() != null)
                || (direction.HasFlag(Direction.Write) && p.GetSetMethod() != null)));
        return fields.Cast<MemberInfo>().Concat(properties)
            .Where(m => PocoMembers.TypeOf(m) != typeof(IChannel) && m.GetCustomAttribute<NoColumnAttribute>() == null);
    }

    private static DataViewType ColumnTypeOf(MemberInfo member)
    {
        PocoMembers.GetVectorAndItemType(PocoMembers.TypeOf(member), member.Name, out bool isVector, out Type itemType);
        var itemDataType = ColumnTypes.PrimitiveTypeFromRawType(itemType);
        int[] dims = member.GetCustomAttribute<VectorTypeAttribute>()?.Dims;
        if (member.GetCustomAttribute<VectorTypeAttribute>() != null && !isVector)
            throw new ArgumentOutOfRangeException("userType",
                $"Member {member.Name} marked with {nameof(VectorTypeAttribute)}, but does not appear to be a vector type");
        if (!isVector)
            return itemDataType;
        if (dims != null && dims.Any(d => d < 0))
            throw new ArgumentOutOfRangeException("userType", $"Some of member {member.Name}'s dimension lengths are negative");
        return dims == null || dims.Length == 0 ? new VectorDataViewType(itemDataType, 0) : new VectorDataViewType(itemDataType, dims);
    }

    /// <summary>One mapped member.</summary>
    public sealed class Column
    {
        private readonly Dictionary<string, (DataViewType Type, Delegate Getter)> _annotations = new();

        internal Column(string memberName, DataViewType columnType, string columnName)
        {
            if (string.IsNullOrEmpty(memberName))
                throw new ArgumentNullException(nameof(memberName));
            MemberName = memberName;
            ColumnName = columnName ?? memberName;
            ColumnType = columnType;
        }

        /// <summary>The field or property name.</summary>
        public string MemberName { get; }

        /// <summary>The column name; the member name when null.</summary>
        public string ColumnName { get; set; }

        /// <summary>The column type; derived from the member type when null.</summary>
        public DataViewType ColumnType { get; set; }

        /// <summary>The annotations added with <see cref="AddAnnotation{T}"/>.</summary>
        public DataViewSchema.Annotations Annotations
        {
            get
            {
                var builder = new DataViewSchema.Annotations.Builder();
                foreach (var (kind, annotation) in _annotations)
                    builder.Add(kind, annotation.Type, annotation.Getter);
                return builder.ToAnnotations();
            }
        }

        /// <summary>Adds an annotation of kind <paramref name="kind"/> whose type is <paramref name="annotationType"/>.</summary>
        public void AddAnnotation<T>(string kind, T value, DataViewType annotationType)
        {
            ArgumentNullException.ThrowIfNull(kind);
            ArgumentNullException.ThrowIfNull(annotationType);
            if (annotationType.RawType != typeof(T))
                throw new ArgumentException($"Annotation '{kind}' has type {annotationType} whose values are '{annotationType.RawType}', not '{typeof(T)}'.",
                    nameof(annotationType));
            if (_annotations.ContainsKey(kind))
                throw new InvalidOperationException($"Column '{ColumnName}' already contains an annotation of kind '{kind}'.");
            _annotations[kind] = (annotationType, ValueCopier<T>.ConstantGetter(value));
        }
    }
}
