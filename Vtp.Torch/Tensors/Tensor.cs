// torch.Tensor: an owned handle to a libtorch tensor, its lifetime and its properties.
using TorchSharp.Native;
using static TorchSharp.Native.NativeMethods;

namespace TorchSharp;

public static partial class torch
{
    public partial class Tensor : IDisposable
    {
        private IntPtr handle;

        /// <summary>Takes ownership of a native handle and joins the thread's innermost dispose scope.</summary>
        internal Tensor(IntPtr handle)
        {
            this.handle = handle;
            OwningDisposeScope = DisposeScopeManager.ThreadManager.Innermost;
            OwningDisposeScope?.Add(this);
        }

        /// <summary>Wraps a handle a native call returned, throwing the native error when it is NULL.</summary>
        internal static Tensor From(IntPtr handle) => new(torch.Check(handle));

        /// <summary>Wraps a handle that may legitimately be NULL (an undefined tensor, e.g. a missing grad).</summary>
        internal static Tensor? FromOptional(IntPtr handle)
        {
            if (handle == IntPtr.Zero) { torch.CheckForErrors(); return null; }
            return new Tensor(handle);
        }

        /// <summary>
        /// Takes ownership of a native <c>at::Tensor*</c> that another native library created (as TorchSharp's method of
        /// the same name does); the tensor joins the thread's innermost dispose scope. Throws on a NULL handle.
        /// </summary>
        public static Tensor UnsafeCreateTensor(IntPtr handle) =>
            handle != IntPtr.Zero ? new Tensor(handle) : throw new ArgumentNullException(nameof(handle), "The native tensor handle is NULL.");

        /// <summary>The native handle; throws <see cref="ObjectDisposedException"/> once the tensor is disposed.</summary>
        public IntPtr Handle => handle != IntPtr.Zero ? handle : throw new ObjectDisposedException(nameof(Tensor), "The tensor was disposed.");

        public bool IsInvalid => handle == IntPtr.Zero;

        /// <summary>Hands the native handle to the caller (e.g. a Parameter) and leaves this wrapper invalid.</summary>
        public IntPtr DecoupleFromNativeHandle()
        {
            var h = Handle;
            MoveToScope(null);
            handle = IntPtr.Zero;
            GC.SuppressFinalize(this);
            return h;
        }

        public DisposeScope? OwningDisposeScope { get; private set; }

        internal void MoveToScope(DisposeScope? scope)
        {
            OwningDisposeScope?.Remove(this);
            OwningDisposeScope = scope;
            scope?.Add(this);
        }

        public Tensor MoveToOuterDisposeScope()
        {
            MoveToScope(OwningDisposeScope?.OuterScope);
            return this;
        }

        public Tensor MoveToOtherDisposeScope(DisposeScope other)
        {
            MoveToScope(other);
            return this;
        }

        public Tensor DetachFromDisposeScope()
        {
            MoveToScope(null);
            return this;
        }

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        protected virtual void Dispose(bool disposing)
        {
            if (disposing) MoveToScope(null);
            var h = Interlocked.Exchange(ref handle, IntPtr.Zero);
            if (h != IntPtr.Zero) vtp_free(h);
        }

        ~Tensor() => Dispose(false);

        public long Dimensions => vtp_ndim(Handle);
        public long ndim => Dimensions;
        public long dim() => Dimensions;
        public long NumberOfElements => vtp_numel(Handle);
        public long numel() => NumberOfElements;
        public long ElementSize => vtp_element_size(Handle);
        public long element_size() => ElementSize;

        public long[] shape
        {
            get
            {
                var result = new long[Dimensions];
                vtp_shape(Handle, result);
                return result;
            }
        }

        public long[] stride()
        {
            var result = new long[Dimensions];
            vtp_strides(Handle, result);
            return result;
        }

        public long size(int dim)
        {
            var n = vtp_size(Handle, dim);
            if (n < 0) torch.CheckForErrors();
            return n;
        }

        public long[] size() => shape;

        public ScalarType dtype => (ScalarType)vtp_dtype(Handle);
        public DeviceType device_type => (DeviceType)vtp_device_type(Handle);
        public int device_index => vtp_device_index(Handle);
        public Device device => new(device_type, device_index);
        public bool is_cuda => device_type == DeviceType.CUDA;
        public bool is_cpu() => device_type == DeviceType.CPU;
        public bool is_contiguous() => vtp_is_contiguous(Handle);
        public bool is_floating_point() => torch.is_floating_point(dtype);
        public bool is_integral() => torch.is_integral(dtype);

        public bool requires_grad
        {
            get => vtp_requires_grad(Handle);
            set => torch.Check(vtp_set_requires_grad(Handle, value));
        }

        public Tensor requires_grad_(bool requires_grad = true)
        {
            this.requires_grad = requires_grad;
            return this;
        }

        public bool is_leaf => vtp_is_leaf(Handle);

        /// <summary>The accumulated gradient (a new wrapper each call), or null when none was computed.</summary>
        public Tensor? grad
        {
            get => FromOptional(vtp_grad(Handle));
            set => torch.Check(vtp_set_grad(Handle, value?.Handle ?? IntPtr.Zero));
        }

        public void retain_grad() => torch.Check(vtp_retain_grad(Handle));

        public void backward() => torch.Check(vtp_backward(Handle, IntPtr.Zero, false, false));

        public void backward(IList<Tensor>? grad_tensors = null, bool retain_graph = false, bool create_graph = false,
            IList<Tensor>? inputs = null)
        {
            if (inputs != null) throw new NotSupportedException("backward(inputs) is not supported by the native shim.");
            if (grad_tensors != null && grad_tensors.Count != 1)
                throw new ArgumentException($"backward of one tensor takes one gradient, got {grad_tensors.Count}.", nameof(grad_tensors));
            torch.Check(vtp_backward(Handle, grad_tensors?[0].Handle ?? IntPtr.Zero, retain_graph, create_graph));
        }

        public Tensor detach() => From(vtp_detach(Handle));
        public Tensor clone() => From(vtp_clone(Handle));
        public Tensor contiguous() => From(vtp_contiguous(Handle));
        public Tensor alias() => From(vtp_alias(Handle));

        public Tensor copy_(Tensor source, bool nonBlocking = false)
        {
            torch.Check(vtp_copy_(Handle, source.Handle));
            return this;
        }

        public Tensor fill_(Scalar value)
        {
            torch.Check(vtp_fill_(Handle, value.Kind, value.Double, value.Long));
            return this;
        }

        public Tensor zero_()
        {
            torch.Check(vtp_zero_(Handle));
            return this;
        }

        public Tensor to(ScalarType type, bool copy = false) => From(vtp_to(Handle, (sbyte)type, -1, -1, copy));
        public Tensor to(Device device, bool copy = false) => From(vtp_to(Handle, -1, (sbyte)device.type, device.index, copy));
        public Tensor to(ScalarType type, Device device, bool copy = false) =>
            From(vtp_to(Handle, (sbyte)type, (sbyte)device.type, device.index, copy));
        public Tensor to(string device) => to(new Device(device));
        public Tensor to(Tensor other) => to(other.dtype, other.device);
        public Tensor type(ScalarType type) => to(type);
        public Tensor cpu() => to(CPU);
        public Tensor cuda(Device? device = null, bool non_blocking = false) => to(device ?? CUDA);

        public Tensor @float() => to(ScalarType.Float32);
        public Tensor @double() => to(ScalarType.Float64);
        public Tensor @long() => to(ScalarType.Int64);
        public Tensor @int() => to(ScalarType.Int32);
        public Tensor @bool() => to(ScalarType.Bool);
        public Tensor half() => to(ScalarType.Float16);
        public Tensor bfloat16() => to(ScalarType.BFloat16);

        public override string ToString() =>
            IsInvalid ? "[disposed tensor]" : $"[{string.Join("x", shape)}], type = {dtype}, device = {device}";
    }
}
