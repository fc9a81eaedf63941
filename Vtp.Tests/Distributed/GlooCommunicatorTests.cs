// Gloo collectives between ranks running as threads (GlooCommunicator over loopback), against hand-computed values.
using System.Runtime.InteropServices;
using Vtp.Collectives;
using Vtp.Distributed;

namespace Vtp.Tests.Distributed;

[TestClass]
[DoNotParallelize]
public sealed class GlooCommunicatorTests
{
    private static T[] Ranks<T>(int worldSize, Func<GlooCommunicator, T> body) => RankThreads.Run(worldSize, GlooCommunicator.Join, body);

    // Rank r holds [r + 1, 2, 3 - r, -(r + 1)] (the negative element only for signed types).
    private static double[] Input(int rank, bool signed) => signed ? [rank + 1, 2, 3 - rank, -(rank + 1)] : [rank + 1, 2, 3 - rank];

    // By hand: 2 ranks hold [1, 2, 3, -1] and [2, 2, 2, -2]; 3 ranks add [3, 2, 1, -3].
    private static readonly Dictionary<(int World, ReduceOp Op), double[]> Expected = new()
    {
        [(2, ReduceOp.Sum)] = [3, 4, 5, -3],
        [(2, ReduceOp.Product)] = [2, 4, 6, 2],
        [(2, ReduceOp.Min)] = [1, 2, 2, -2],
        [(2, ReduceOp.Max)] = [2, 2, 3, -1],
        [(2, ReduceOp.Average)] = [1.5, 2, 2.5, -1.5],
        [(3, ReduceOp.Sum)] = [6, 6, 6, -6],
        [(3, ReduceOp.Product)] = [6, 8, 6, -6],
        [(3, ReduceOp.Min)] = [1, 2, 1, -3],
        [(3, ReduceOp.Max)] = [3, 2, 3, -1],
        [(3, ReduceOp.Average)] = [2, 2, 2, -2],
    };

    [TestMethod]
    [DataRow(ElementType.UInt8, 2)] [DataRow(ElementType.UInt8, 3)]
    [DataRow(ElementType.Int8, 2)] [DataRow(ElementType.Int8, 3)]
    [DataRow(ElementType.Int32, 2)] [DataRow(ElementType.Int32, 3)]
    [DataRow(ElementType.Int64, 2)] [DataRow(ElementType.Int64, 3)]
    [DataRow(ElementType.Float16, 2)] [DataRow(ElementType.Float16, 3)]
    [DataRow(ElementType.Float32, 2)] [DataRow(ElementType.Float32, 3)]
    [DataRow(ElementType.Float64, 2)] [DataRow(ElementType.Float64, 3)]
    public void AllReduceMatchesHandValuesForEveryTypeAndOp(ElementType type, int worldSize)
    {
        var signed = type != ElementType.UInt8;
        var floating = type is ElementType.Float16 or ElementType.Float32 or ElementType.Float64;
        ReduceOp[] ops = floating
            ? [ReduceOp.Sum, ReduceOp.Product, ReduceOp.Min, ReduceOp.Max, ReduceOp.Average]
            : [ReduceOp.Sum, ReduceOp.Product, ReduceOp.Min, ReduceOp.Max];
        var results = Ranks(worldSize, c => ops.Select(op =>
        {
            var bytes = Encode(type, Input(c.Rank, signed));
            unsafe
            {
                fixed (byte* p = bytes) c.AllReduce((IntPtr)p, bytes.Length / Size(type), type, op);
            }
            return Decode(type, bytes);
        }).ToArray());
        foreach (var rank in results)
            for (var i = 0; i < ops.Length; i++)
                CollectionAssert.AreEqual(Expected[(worldSize, ops[i])][..Input(0, signed).Length], rank[i], $"{ops[i]} on {type}");
    }

    [TestMethod]
    public void OneRankJobReducesToItsOwnValues()
    {
        var result = Ranks(1, c =>
        {
            double[] data = [1.5, -2];
            c.AllReduce<double>(data, ReduceOp.Average);
            var gathered = new double[2];
            c.AllGather<double>(data, gathered);
            c.Barrier();
            return (c.WorldSize, data, gathered);
        }).Single();
        Assert.AreEqual(1, result.WorldSize);
        CollectionAssert.AreEqual(new[] { 1.5, -2 }, result.data);
        CollectionAssert.AreEqual(new[] { 1.5, -2 }, result.gathered);
    }

    [TestMethod]
    public void BroadcastCopiesANonZeroRootsValues()
    {
        var results = Ranks(3, c =>
        {
            double[] floats = [10 * c.Rank + 1, 10 * c.Rank + 2];  // rank 2 holds [21, 22]
            long[] longs = [-c.Rank, (long)c.Rank << 40];                // rank 1 holds [-1, 2^40]
            c.Broadcast<double>(floats, root: 2);
            c.Broadcast<long>(longs, root: 1);
            return (floats, longs);
        });
        foreach (var (floats, longs) in results)
        {
            CollectionAssert.AreEqual(new[] { 21.0, 22 }, floats);
            CollectionAssert.AreEqual(new[] { -1L, 1L << 40 }, longs);
        }
    }

    [TestMethod]
    public void AllGatherConcatenatesInRankOrder()
    {
        var results = Ranks(3, c =>
        {
            int[] mine = [100 * c.Rank, 100 * c.Rank + 1];
            var gathered = new int[6];
            c.AllGather<int>(mine, gathered);
            // In place: this rank's slot of the output is the input.
            var inPlace = new float[6];
            inPlace[2 * c.Rank] = c.Rank + 0.5f;
            inPlace[2 * c.Rank + 1] = -c.Rank;
            c.AllGather<float>(inPlace.AsSpan(2 * c.Rank, 2), inPlace);
            return (gathered, inPlace);
        });
        foreach (var (gathered, inPlace) in results)
        {
            CollectionAssert.AreEqual(new[] { 0, 1, 100, 101, 200, 201 }, gathered);
            CollectionAssert.AreEqual(new[] { 0.5f, 0, 1.5f, -1, 2.5f, -2 }, inPlace);
        }
    }

    [TestMethod]
    public void BarrierReturnsOnlyOnceEveryRankEntered()
    {
        var arrived = 0;
        var seen = Ranks(3, c =>
        {
            if (c.Rank != 0) Thread.Sleep(200 * c.Rank);  // rank 0 gets there first
            Interlocked.Increment(ref arrived);
            c.Barrier();
            return Volatile.Read(ref arrived);
        });
        CollectionAssert.AreEqual(new[] { 3, 3, 3 }, seen);
    }

    [TestMethod]
    public void LargeAllReduceIsExact()
    {
        const int count = 30_000_000;
        var wrong = Ranks(2, c =>
        {
            var data = new float[count];
            for (var i = 0; i < count; i++) data[i] = (i % 1000) * (c.Rank + 1);  // sum over ranks: 3 (i % 1000), exact
            c.AllReduce<float>(data);
            return Enumerable.Range(0, count).Count(i => data[i] != 3 * (i % 1000));
        });
        CollectionAssert.AreEqual(new[] { 0, 0 }, wrong);
    }

    [TestMethod]
    public void DifferentCallsFailOnEveryRankNamingEach()
    {
        var outcomes = RankThreads.RunCatching(2, GlooCommunicator.Join, c =>
        {
            var data = new float[4 - c.Rank];  // rank 0: 4 elements, rank 1: 3
            c.AllReduce<float>(data);
            return 0;
        });
        foreach (var (rank, (_, error)) in outcomes.Index())
        {
            Assert.IsInstanceOfType<DistributedException>(error);
            StringAssert.Contains(error.Message, $"all_reduce (Sum, {4 - rank} x Float32) failed on rank {rank} of 2");
            StringAssert.Contains(error.Message, "the ranks called different collectives: rank 0 all_reduce (Sum, 4 x Float32), rank 1 all_reduce (Sum, 3 x Float32)");
        }
    }

    [TestMethod]
    public void BadArgumentsAreNamed()
    {
        Ranks(2, c =>
        {
            var ints = new int[2];
            StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => c.AllReduce<int>(ints, ReduceOp.Average)).Message,
                "Average needs a floating-point element type, got Int32");
            StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => c.Broadcast<int>(ints, root: 2)).Message,
                "Broadcast root 2 is out of range for world size 2");
            StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => c.AllGather<int>(ints, new int[3])).Message,
                "all_gather output holds 3 elements; expected 2 ranks x 2 = 4");
            StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => c.AllReduce<short>(new short[1])).Message,
                "Collectives on Int16 are not supported");
            StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => c.AllReduce(IntPtr.Zero, 3, ElementType.Float32)).Message,
                "data is a null pointer for 3 elements");
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => c.AllReduce(IntPtr.Zero, 0, (ElementType)2));
            c.Barrier();  // nothing above reached the other rank: the job still works
            return 0;
        });
    }

    private static int Size(ElementType type) => type switch
    {
        ElementType.UInt8 or ElementType.Int8 => 1,
        ElementType.Float16 => 2,
        ElementType.Int32 or ElementType.Float32 => 4,
        _ => 8,
    };

    private static byte[] Encode(ElementType type, double[] values) => type switch
    {
        ElementType.UInt8 => Bytes(values, v => (byte)v),
        ElementType.Int8 => Bytes(values, v => (sbyte)v),
        ElementType.Int32 => Bytes(values, v => (int)v),
        ElementType.Int64 => Bytes(values, v => (long)v),
        ElementType.Float16 => Bytes(values, v => (Half)v),
        ElementType.Float32 => Bytes(values, v => (float)v),
        _ => Bytes(values, v => v),
    };

    private static double[] Decode(ElementType type, byte[] bytes) => type switch
    {
        ElementType.UInt8 => Values<byte>(bytes, x => x),
        ElementType.Int8 => Values<sbyte>(bytes, x => x),
        ElementType.Int32 => Values<int>(bytes, x => x),
        ElementType.Int64 => Values<long>(bytes, x => x),
        ElementType.Float16 => Values<Half>(bytes, x => (double)x),
        ElementType.Float32 => Values<float>(bytes, x => x),
        _ => Values<double>(bytes, x => x),
    };

    private static byte[] Bytes<T>(double[] values, Func<double, T> convert) where T : unmanaged =>
        MemoryMarshal.AsBytes(values.Select(convert).ToArray().AsSpan()).ToArray();

    private static double[] Values<T>(byte[] bytes, Func<T, double> convert) where T : unmanaged =>
        MemoryMarshal.Cast<byte, T>(bytes).ToArray().Select(convert).ToArray();
}
