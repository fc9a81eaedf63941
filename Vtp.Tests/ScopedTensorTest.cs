// Base of test classes whose tensors live in one dispose scope per test.
using TorchSharp;
using static TorchSharp.torch;

namespace Vtp.Tests;

public abstract class ScopedTensorTest
{
    private DisposeScope scope = null!;

    [TestInitialize]
    public void OpenScope() => scope = NewDisposeScope();

    [TestCleanup]
    public void CloseScope() => scope.Dispose();
}
