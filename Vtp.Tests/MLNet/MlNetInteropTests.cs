using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;
using Vtp.MLNet;

namespace Vtp.Tests.MLNet;

// MlNetInterop is Vtp's one reflection into ML.NET internals (SchemaShape.Column's internal constructor); every
// promised output column goes through it, so the estimators' shapes show that it builds columns faithfully. Checked
// against Microsoft.ML 6.0.0: the constructor is still internal, and it rejects an empty name with its own
// ArgumentOutOfRangeException, so Vtp checks output column names when an estimator is created.
[TestClass]
public sealed class MlNetInteropTests
{
    [TestMethod]
    public void PromisedColumns_HaveTheKindItemTypeAndKeyFlagAsked()
    {
        var context = new MLContext(1);
        var input = Shapes.Of(context.Data.LoadFromEnumerable(DemoSet.Train).Schema);
        var options = new SimVtpFineTuneEstimator.Options { VideoEmbeddingColumnName = "V", TextEmbeddingColumnName = "T" };

        var shape = context.Vtp().FineTune(options).GetOutputSchema(input);

        var video = shape.Single(c => c.Name == "V");
        Assert.AreEqual((SchemaShape.Column.VectorKind.Vector, NumberDataViewType.Single, false, 0),
            (video.Kind, video.ItemType, video.IsKey, video.Annotations.Count));
        Assert.AreEqual(SchemaShape.Column.VectorKind.Vector, shape.Single(c => c.Name == "T").Kind);
        Assert.AreEqual(input.Count + 2, shape.Count);
    }

    [TestMethod]
    public void MicrosoftML6_StillBuildsShapeColumnsOnlyThroughTheInternalConstructor()
    {
        var package = typeof(SchemaShape).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        var constructors = typeof(SchemaShape.Column).GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);

        StringAssert.StartsWith(package, "6.0.0", "rechecked for this Microsoft.ML: recheck MlNetInterop and docs/dependencies.md when it changes");
        Assert.IsEmpty(constructors.Where(c => c.IsPublic).ToList(), "a public constructor would make MlNetInterop's reflection unnecessary");
        var internalOne = constructors.Single(c => c.IsAssembly);
        CollectionAssert.AreEqual(new[] { typeof(string), typeof(SchemaShape.Column.VectorKind), typeof(DataViewType), typeof(bool), typeof(SchemaShape) },
            internalOne.GetParameters().Select(p => p.ParameterType).ToArray());
    }

    [TestMethod]
    public void EmptyOutputColumnName_IsRejectedWhenTheEstimatorIsCreated()
    {
        var context = new MLContext(1);
        var model = DemoSet.Shared.Model.LastTransformer.Model;

        var embed = Assert.ThrowsExactly<ArgumentException>(() => context.Vtp().Embed(model,
            new SimVtpEmbeddingEstimator.Options { VideoEmbeddingColumnName = "", TextEmbeddingColumnName = "T" }));
        var fineTune = Assert.ThrowsExactly<ArgumentException>(() => context.Vtp().FineTune(
            new SimVtpFineTuneEstimator.Options { TextEmbeddingColumnName = " " }));

        StringAssert.Contains(embed.Message, "VideoEmbeddingColumnName must name the output column (or be null for none), got ''.");
        StringAssert.Contains(fineTune.Message, "TextEmbeddingColumnName must name the output column (or be null for none), got ' '.");
    }
}
