// The training device follows ML.NET's conventions: MLContext.GpuDeviceId asks for CUDA, FallbackToCpu allows the CPU
// when CUDA is missing (as in this CPU-only libtorch), and an explicit Device that the libtorch cannot serve is refused.
using Microsoft.ML;
using Vtp.MLNet;
using Vtp.Training;

namespace Vtp.Tests.MLNet;

[TestClass]
public sealed class DeviceTests
{
    [TestMethod]
    public void GpuDeviceIdWithoutCudaOrFallbackFailsBeforeTraining()
    {
        Assert.IsFalse(TorchSharp.torch.cuda.is_available(), "this test expects a CPU-only libtorch");
        var context = new MLContext(1) { GpuDeviceId = 0, FallbackToCpu = false };
        var estimator = context.Vtp().Pretrain(DemoSet.Tiny(new SimVtpPretrainEstimator.Options(), maxSteps: 1));
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => estimator.Fit(context.Data.LoadFromEnumerable(DemoSet.Train)));
        StringAssert.Contains(error.Message, "GpuDeviceId is 0");
        StringAssert.Contains(error.Message, "FallbackToCpu");
    }

    [TestMethod]
    public void GpuDeviceIdWithFallbackTrainsOnTheCpu()
    {
        var context = new MLContext(1) { GpuDeviceId = 0, FallbackToCpu = true };
        var estimator = context.Vtp().Pretrain(DemoSet.Tiny(new SimVtpPretrainEstimator.Options(), maxSteps: 1));
        var fitted = estimator.Fit(context.Data.LoadFromEnumerable(DemoSet.Train));
        Assert.AreEqual(1, fitted.Training!.Steps);
        fitted.Dispose();
    }

    [TestMethod]
    public void AnExplicitDeviceTheLibtorchLacksIsRefused()
    {
        var context = new MLContext(1);
        var error = Assert.ThrowsExactly<ArgumentException>(() =>
            context.Vtp().Pretrain(DemoSet.Tiny(new SimVtpPretrainEstimator.Options { Device = "cuda:0" })));
        StringAssert.Contains(error.Message, "Device");
        StringAssert.Contains(error.Message, "cuda:0");
        Assert.ThrowsExactly<ArgumentException>(() => (TrainingOptions.Pretraining with { Device = "gpu" }).Validate());
    }
}
