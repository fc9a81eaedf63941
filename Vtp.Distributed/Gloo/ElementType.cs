namespace Vtp.Distributed;

/// <summary>
/// The element types the gloo collectives work on. The values are TorchSharp's <c>ScalarType</c> codes for the same
/// types, so a tensor's dtype converts with a cast.
/// </summary>
public enum ElementType
{
    /// <summary>Unsigned 8-bit integer (<see cref="byte"/>).</summary>
    UInt8 = 0,
    /// <summary>Signed 8-bit integer (<see cref="sbyte"/>).</summary>
    Int8 = 1,
    /// <summary>Signed 32-bit integer (<see cref="int"/>).</summary>
    Int32 = 3,
    /// <summary>Signed 64-bit integer (<see cref="long"/>).</summary>
    Int64 = 4,
    /// <summary>IEEE half precision (<see cref="Half"/>).</summary>
    Float16 = 5,
    /// <summary>IEEE single precision (<see cref="float"/>).</summary>
    Float32 = 6,
    /// <summary>IEEE double precision (<see cref="double"/>).</summary>
    Float64 = 7,
}
