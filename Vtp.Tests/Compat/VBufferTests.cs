using Microsoft.ML.Data;

namespace Vtp.Tests.Compat;

// ML.NET's VBuffer contract: a sparse buffer stands for the dense vector with default(T) at unlisted indices.
[TestClass]
public sealed class VBufferTests
{
    // The logical vector [0, 5, 0, 0, 7, 0] stored sparsely.
    private static VBuffer<float> Sparse() => new(6, 2, new[] { 5f, 7f }, new[] { 1, 4 });

    [TestMethod]
    public void DenseBufferExposesAllValuesAndNoIndices()
    {
        var dense = new VBuffer<float>(3, new[] { 1f, 2f, 3f, 99f });

        Assert.IsTrue(dense.IsDense);
        Assert.AreEqual(3, dense.Length);
        CollectionAssert.AreEqual(new[] { 1f, 2f, 3f }, dense.GetValues().ToArray());
        Assert.AreEqual(0, dense.GetIndices().Length);
        Assert.AreEqual("Dense vector of size 3", dense.ToString());
    }

    [TestMethod]
    public void SparseBufferExposesOnlyExplicitEntries()
    {
        var sparse = Sparse();

        Assert.IsFalse(sparse.IsDense);
        Assert.AreEqual(6, sparse.Length);
        CollectionAssert.AreEqual(new[] { 5f, 7f }, sparse.GetValues().ToArray());
        CollectionAssert.AreEqual(new[] { 1, 4 }, sparse.GetIndices().ToArray());
        Assert.AreEqual("Sparse vector of size 6, 2 explicit values", sparse.ToString());
    }

    [TestMethod]
    public void GetItemOrDefaultReturnsDefaultForImplicitEntries()
    {
        var sparse = Sparse();

        float[] items = Enumerable.Range(0, 6).Select(i => sparse.GetItemOrDefault(i)).ToArray();
        float byRef = -1;
        sparse.GetItemOrDefault(2, ref byRef);

        CollectionAssert.AreEqual(new[] { 0f, 5f, 0f, 0f, 7f, 0f }, items);
        Assert.AreEqual(0f, byRef);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => sparse.GetItemOrDefault(6));
    }

    [TestMethod]
    public void DenseValuesAndItemsExpandSparseBuffers()
    {
        var sparse = Sparse();

        CollectionAssert.AreEqual(new[] { 0f, 5f, 0f, 0f, 7f, 0f }, sparse.DenseValues().ToArray());
        CollectionAssert.AreEqual(new[] { KeyValuePair.Create(1, 5f), KeyValuePair.Create(4, 7f) }, sparse.Items().ToArray());
        Assert.AreEqual(6, sparse.Items(all: true).Count());
        Assert.AreEqual(KeyValuePair.Create(3, 0f), sparse.Items(all: true).ElementAt(3));
    }

    [TestMethod]
    public void CopyToSpanDensifiesWithTheGivenDefault()
    {
        var target = new float[8];

        Sparse().CopyTo(target, 1, defaultValue: -1f);

        CollectionAssert.AreEqual(new[] { 0f, -1f, 5f, -1f, -1f, 7f, -1f, 0f }, target);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Sparse().CopyTo(new float[5]));
    }

    [TestMethod]
    public void CopyToBufferKeepsDensityAndCopyToDenseDensifies()
    {
        VBuffer<float> copy = default;
        VBuffer<float> dense = default;

        Sparse().CopyTo(ref copy);
        Sparse().CopyToDense(ref dense);

        Assert.IsFalse(copy.IsDense);
        CollectionAssert.AreEqual(new[] { 1, 4 }, copy.GetIndices().ToArray());
        Assert.IsTrue(dense.IsDense);
        CollectionAssert.AreEqual(new[] { 0f, 5f, 0f, 0f, 7f, 0f }, dense.GetValues().ToArray());
    }

    [TestMethod]
    public void CopyToRangeShiftsSparseIndices()
    {
        VBuffer<float> slice = default;

        Sparse().CopyTo(ref slice, sourceIndex: 2, length: 4);

        Assert.AreEqual(4, slice.Length);
        CollectionAssert.AreEqual(new[] { 0f, 0f, 7f, 0f }, slice.DenseValues().ToArray());
        CollectionAssert.AreEqual(new[] { 2 }, slice.GetIndices().ToArray());
    }

    [TestMethod]
    public void EditorReusesLargeEnoughArraysAndGrowsSmallOnes()
    {
        var buffer = new VBuffer<float>(4, new float[4]);

        var reuse = VBufferEditor.Create(ref buffer, 3);
        bool reusedCreatedNew = reuse.CreatedNewValues;
        reuse.Values.Fill(2f);
        buffer = reuse.Commit();
        var grow = VBufferEditor.Create(ref buffer, 10);

        Assert.IsFalse(reusedCreatedNew);
        Assert.IsTrue(grow.CreatedNewValues);
        Assert.AreEqual(3, buffer.Length);
        CollectionAssert.AreEqual(new[] { 2f, 2f, 2f }, buffer.GetValues().ToArray());
    }

    [TestMethod]
    public void SparseEditorProvidesIndicesAndCommitTruncatedShrinksCount()
    {
        VBuffer<int> buffer = default;
        var editor = VBufferEditor.Create(ref buffer, 100, valuesCount: 3);
        editor.Values[0] = 10;
        editor.Indices[0] = 42;

        buffer = editor.CommitTruncated(1);

        Assert.AreEqual(3, editor.Indices.Length);
        Assert.AreEqual(100, buffer.Length);
        Assert.AreEqual(10, buffer.GetItemOrDefault(42));
        Assert.AreEqual(1, buffer.GetValues().Length);
    }

    [TestMethod]
    public void ConstructorsRejectTooFewValuesOrIndices()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new VBuffer<float>(3, new float[2]));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new VBuffer<float>(3, 4, new float[4], null));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new VBuffer<float>(5, 2, new float[2], new int[1]));
    }
}
