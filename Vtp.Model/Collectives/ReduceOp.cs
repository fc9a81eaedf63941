namespace Vtp.Collectives;

/// <summary>How <see cref="ICollectives.AllReduce"/> combines the ranks' tensors element by element.</summary>
public enum ReduceOp
{
    /// <summary>The sum over ranks.</summary>
    Sum = 0,
    /// <summary>The mean over ranks (a sum divided by the world size; floating-point tensors only).</summary>
    Average = 1,
    /// <summary>The product over ranks.</summary>
    Product = 2,
    /// <summary>The minimum over ranks.</summary>
    Min = 3,
    /// <summary>The maximum over ranks.</summary>
    Max = 4,
}
