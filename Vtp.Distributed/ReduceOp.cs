namespace Vtp.Distributed;

/// <summary>How <see cref="ProcessGroup.AllReduce"/> and <see cref="GlooCommunicator.AllReduce(IntPtr, long, ElementType, ReduceOp)"/> combine the ranks' values element by element.</summary>
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
