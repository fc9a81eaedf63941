// The address of a tensor's first element, on any device, without a copy.
//
// TorchSharp 0.107's public API has no data pointer for a CUDA tensor: Tensor.bytes reads CPU memory only, and
// tensor.storage<T>() converts the tensor to T first (a copy for any other dtype, and there is no Half or BFloat16
// storage). Its native library exports THSTensor_data(tensor handle), which returns at::Tensor::data_ptr(): the
// address of the tensor's own first element (storage offset included), in host or device memory. That export is bound
// here from the copy of libLibTorchSharp.so that TorchSharp has already loaded (dlopen by its soname with RTLD_NOLOAD,
// so never a second copy), and called on Tensor.Handle. It is TorchSharp's internal native API, not its public one:
// a TorchSharp upgrade must keep the export (checked by the tests on CPU tensors).
using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace Vtp.Native;

internal static unsafe class TensorMemory
{
    private const string TorchSharpNative = "libLibTorchSharp.so";

    private static readonly Lazy<IntPtr> data = new(Bind, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The address of <paramref name="tensor"/>'s first element in its device's memory (null for an empty tensor).</summary>
    /// <exception cref="InvalidOperationException">TorchSharp's native library is not loaded or lacks THSTensor_data.</exception>
    /// <exception cref="System.Runtime.InteropServices.ExternalException">libtorch refused (its message).</exception>
    public static IntPtr Address(Tensor tensor)
    {
        if (tensor.numel() == 0) return IntPtr.Zero;
        var address = ((delegate* unmanaged<IntPtr, IntPtr>)data.Value)(tensor.Handle);
        if (address == IntPtr.Zero) CheckForErrors();                                       // throws libtorch's message
        return address != IntPtr.Zero ? address : throw new InvalidOperationException(
            $"THSTensor_data returned no address for a {tensor.dtype} tensor of {tensor.numel()} elements on {tensor.device}.");
    }

    private static IntPtr Bind()
    {
        var handle = Dl.Open(TorchSharpNative, Dl.Now | Dl.NoLoad);
        if (handle == IntPtr.Zero)
            throw new InvalidOperationException($"{TorchSharpNative} (TorchSharp's native library) is not loaded: {Dl.Error}");
        return NativeLibrary.TryGetExport(handle, "THSTensor_data", out var export) ? export : throw new InvalidOperationException(
            $"{TorchSharpNative} has no THSTensor_data export; this TorchSharp is not the 0.107 that Vtp.Distributed binds.");
    }
}
