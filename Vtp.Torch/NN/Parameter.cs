// Parameter: a tensor that a module owns and trains. It takes over the data tensor's native handle.
namespace TorchSharp.Modules;

public class Parameter : torch.Tensor
{
    /// <summary>Wraps <paramref name="data"/> as a parameter; <paramref name="data"/> is consumed (left invalid).</summary>
    public Parameter(torch.Tensor data, bool requires_grad = true) : base(data.DecoupleFromNativeHandle())
    {
        DetachFromDisposeScope();  // parameters live as long as their module, not as long as a step's scope
        this.requires_grad = requires_grad;
    }
}
