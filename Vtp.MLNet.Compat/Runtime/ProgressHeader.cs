#nullable disable
namespace Microsoft.ML.Runtime;

/// <summary>The names of the units and metrics a progress channel reports.</summary>
public sealed class ProgressHeader
{
    /// <summary>The progress units, outermost first (for example "epochs", "batches").</summary>
    public readonly IReadOnlyList<string> UnitNames;

    /// <summary>The metric names.</summary>
    public readonly IReadOnlyList<string> MetricNames;

    /// <summary>Creates a header with metrics and units.</summary>
    public ProgressHeader(string[] metricNames, string[] unitNames)
    {
        MetricNames = (metricNames ?? Array.Empty<string>()).ToArray();
        UnitNames = (unitNames ?? Array.Empty<string>()).ToArray();
    }

    /// <summary>Creates a header with units only.</summary>
    public ProgressHeader(params string[] unitNames)
        : this(null, unitNames)
    {
    }
}

/// <summary>
/// The catalog of components that ML.NET model loading can create. This compatibility layer does not read or write
/// ML.NET model files, so there is nothing to load and registration only checks its argument.
/// </summary>
public sealed class ComponentCatalog
{
    internal ComponentCatalog()
    {
    }

    /// <summary>Registers <paramref name="assembly"/> as a source of loadable components.</summary>
    public void RegisterAssembly(System.Reflection.Assembly assembly, bool throwOnError = true)
        => ArgumentNullException.ThrowIfNull(assembly);
}
