using System.Collections.Immutable;
using Microsoft.ML.Data;

namespace Vtp.Tests.Compat;

// ML.NET's DataViewType family: raw types, names, equality and validation.
[TestClass]
public sealed class DataViewTypeTests
{
    [TestMethod]
    public void StandardTypesHaveMlNetRawTypesAndNames()
    {
        Assert.AreEqual(typeof(ReadOnlyMemory<char>), TextDataViewType.Instance.RawType);
        Assert.AreEqual("String", TextDataViewType.Instance.ToString());
        Assert.AreEqual(typeof(bool), BooleanDataViewType.Instance.RawType);
        Assert.AreEqual("Boolean", BooleanDataViewType.Instance.ToString());
        Assert.AreEqual(typeof(float), NumberDataViewType.Single.RawType);
        Assert.AreEqual("Single", NumberDataViewType.Single.ToString());
        Assert.AreEqual("Int64", NumberDataViewType.Int64.ToString());
        Assert.AreEqual(typeof(DataViewRowId), RowIdDataViewType.Instance.RawType);
    }

    [TestMethod]
    public void NumberTypesDifferFromEachOther()
    {
        Assert.IsTrue(NumberDataViewType.Int32.Equals(NumberDataViewType.Int32));
        Assert.IsFalse(NumberDataViewType.Int32.Equals(NumberDataViewType.UInt32));
    }

    [TestMethod]
    public void FixedVectorHasKnownSizeAndDimensionName()
    {
        var vector = new VectorDataViewType(NumberDataViewType.Single, 3);

        Assert.IsTrue(vector.IsKnownSize);
        Assert.AreEqual(3, vector.Size);
        Assert.AreEqual(typeof(VBuffer<float>), vector.RawType);
        Assert.AreEqual("Vector<Single, 3>", vector.ToString());
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 3), vector);
        Assert.AreNotEqual(new VectorDataViewType(NumberDataViewType.Single, 4), vector);
    }

    [TestMethod]
    public void VariableVectorHasSizeZero()
    {
        var vector = new VectorDataViewType(TextDataViewType.Instance);

        Assert.IsFalse(vector.IsKnownSize);
        Assert.AreEqual(0, vector.Size);
        Assert.AreEqual("Vector<String>", vector.ToString());
        Assert.AreEqual(typeof(VBuffer<ReadOnlyMemory<char>>), vector.RawType);
    }

    [TestMethod]
    public void MultiDimensionalVectorMultipliesDimensions()
    {
        var matrix = new VectorDataViewType(NumberDataViewType.Single, 2, 3);
        var partly = new VectorDataViewType(NumberDataViewType.Single, ImmutableArray.Create(4, 0));

        Assert.AreEqual(6, matrix.Size);
        CollectionAssert.AreEqual(new[] { 2, 3 }, matrix.Dimensions.ToArray());
        Assert.AreEqual("Vector<Single, 2, 3>", matrix.ToString());
        Assert.AreEqual(0, partly.Size);
        Assert.AreEqual("Vector<Single, 4, *>", partly.ToString());
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new VectorDataViewType(NumberDataViewType.Single, -1));
    }

    [TestMethod]
    public void KeyTypeValidatesRawTypeAndCount()
    {
        var key = new KeyDataViewType(typeof(uint), 10);

        Assert.AreEqual(10UL, key.Count);
        Assert.AreEqual("Key<UInt32, 0-9>", key.ToString());
        Assert.AreEqual(new KeyDataViewType(typeof(uint), 10UL), key);
        Assert.AreNotEqual(new KeyDataViewType(typeof(ulong), 10), key);
        Assert.IsTrue(KeyDataViewType.IsValidDataType(typeof(byte)));
        Assert.IsFalse(KeyDataViewType.IsValidDataType(typeof(int)));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new KeyDataViewType(typeof(int), 10));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new KeyDataViewType(typeof(byte), 300));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new KeyDataViewType(typeof(uint), 0));
    }
}
