using System.Reflection;
using Vtp.MLNet;
using Vtp.Modeling;
using Vtp.Text;

namespace Vtp.Samples.Demo;

/// <summary>
/// WORKAROUND, to be replaced by a public Vtp.MLNet API: wraps a dual encoder trained with Vtp.Model's runners as a
/// <see cref="SimVtpRetrievalModel"/>, whose constructor is internal. The demo trains outside the ML.NET estimators
/// because their options cannot yet reuse decoded clips across epochs (TrainingOptions.ReuseClips), which is what makes
/// the demo fit its time budget; everything after training (package, embedding, evaluation) is Vtp.MLNet's.
/// </summary>
internal static class RetrievalModelBridge
{
    /// <summary>The model over <paramref name="encoder"/> (which it then owns) and <paramref name="tokenizer"/>.</summary>
    /// <exception cref="InvalidOperationException">Vtp.MLNet no longer has the constructor this relies on.</exception>
    public static SimVtpRetrievalModel Wrap(DualEncoder encoder, BertTokenizer tokenizer)
    {
        var constructor = typeof(SimVtpRetrievalModel).GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic, [typeof(DualEncoder), typeof(BertTokenizer)])
            ?? throw new InvalidOperationException("Vtp.MLNet no longer has the internal constructor SimVtpRetrievalModel(DualEncoder, BertTokenizer) " +
                "that Vtp.Samples/Demo/RetrievalModelBridge.cs calls; use its public replacement there.");
        try
        {
            return (SimVtpRetrievalModel)constructor.Invoke([encoder, tokenizer]);
        }
        catch (TargetInvocationException error) when (error.InnerException is { } inner)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
            throw;
        }
    }
}
