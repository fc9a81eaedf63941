// Random numbers: torch.Generator, the random factories and torch.random.
using static TorchSharp.Native.NativeMethods;

namespace TorchSharp;

public static partial class torch
{
    /// <summary>A seeded CPU random number generator; pass it to random factories for reproducible draws.</summary>
    public class Generator : IDisposable
    {
        private IntPtr handle;

        public Generator(ulong seed = 0, Device? device = null)
        {
            if (device != null && device.type != DeviceType.CPU)
                throw new NotSupportedException($"Only CPU generators are supported, not {device}.");
            handle = torch.Check(vtp_generator_new((long)seed));
        }

        private Generator(IntPtr handle) => this.handle = handle;

        private static Generator? defaultGenerator;

        /// <summary>The default CPU generator, which torch.manual_seed seeds.</summary>
        public static Generator Default => defaultGenerator ??= new Generator(torch.Check(vtp_generator_default()));

        public IntPtr Handle => handle != IntPtr.Zero ? handle : throw new ObjectDisposedException(nameof(Generator));

        public Device device => CPU;

        public Generator manual_seed(long seed)
        {
            torch.Check(vtp_generator_manual_seed(Handle, seed));
            return this;
        }

        public long initial_seed() => vtp_generator_initial_seed(Handle);

        /// <summary>Reseeds from a non-deterministic source and returns the new seed.</summary>
        public long seed() => vtp_generator_seed(Handle);

        public Tensor get_state() => Tensor.From(vtp_generator_get_state(Handle));

        public void set_state(Tensor value) => torch.Check(vtp_generator_set_state(Handle, value.Handle));

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        protected virtual void Dispose(bool disposing)
        {
            var h = Interlocked.Exchange(ref handle, IntPtr.Zero);
            if (h != IntPtr.Zero) vtp_generator_free(h);  // frees our reference; the default generator's state lives on
        }

        ~Generator() => Dispose(false);
    }

    private static IntPtr Gen(Generator? generator) => generator?.Handle ?? IntPtr.Zero;

    private delegate IntPtr RandomFactory(ReadOnlySpan<long> shape, long ndim, IntPtr generator, sbyte dtype, sbyte deviceType, int deviceIndex, bool requiresGrad);

    private static Tensor CreateRandom(RandomFactory factory, ReadOnlySpan<long> size, ScalarType? dtype, Device? device, bool requires_grad, Generator? generator)
    {
        var d = device ?? CPU;
        return Tensor.From(factory(size, size.Length, Gen(generator), (sbyte)(dtype ?? ScalarType.Float32), (sbyte)d.type, d.index, requires_grad));
    }

    /// <summary>Uniform samples in [0, 1).</summary>
    public static Tensor rand(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        CreateRandom(vtp_rand, size, dtype, device, requires_grad, generator);
    public static Tensor rand(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        CreateRandom(vtp_rand, [size], dtype, device, requires_grad, generator);
    public static Tensor rand(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        CreateRandom(vtp_rand, [rows, columns], dtype, device, requires_grad, generator);

    public static Tensor rand(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        CreateRandom(vtp_rand, [dim0, dim1, dim2], dtype, device, requires_grad, generator);
    public static Tensor rand(long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        CreateRandom(vtp_rand, [dim0, dim1, dim2, dim3], dtype, device, requires_grad, generator);

    /// <summary>Standard normal samples.</summary>
    public static Tensor randn(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        CreateRandom(vtp_randn, size, dtype, device, requires_grad, generator);
    public static Tensor randn(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        CreateRandom(vtp_randn, [size], dtype, device, requires_grad, generator);
    public static Tensor randn(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        CreateRandom(vtp_randn, [rows, columns], dtype, device, requires_grad, generator);

    public static Tensor randn(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        CreateRandom(vtp_randn, [dim0, dim1, dim2], dtype, device, requires_grad, generator);
    public static Tensor randn(long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        CreateRandom(vtp_randn, [dim0, dim1, dim2, dim3], dtype, device, requires_grad, generator);

    /// <summary>Integers uniform in [low, high).</summary>
    public static Tensor randint(long low, long high, long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null)
    {
        var d = device ?? CPU;
        return Tensor.From(vtp_randint(low, high, size, size.Length, Gen(generator), (sbyte)(dtype ?? ScalarType.Int64), (sbyte)d.type, d.index, requires_grad));
    }

    public static Tensor randint(long high, long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        randint(0, high, size, dtype, device, requires_grad, generator);

    /// <summary>A random permutation of 0..n-1.</summary>
    public static Tensor randperm(long n, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null)
    {
        var d = device ?? CPU;
        return Tensor.From(vtp_randperm(n, Gen(generator), (sbyte)(dtype ?? ScalarType.Int64), (sbyte)d.type, d.index, requires_grad));
    }

    public static Tensor rand_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        rand(input.shape, dtype ?? input.dtype, device ?? input.device, requires_grad);
    public static Tensor randn_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        randn(input.shape, dtype ?? input.dtype, device ?? input.device, requires_grad);

    public static Tensor multinomial(Tensor input, long num_samples, bool replacement = false, Generator? generator = null) =>
        Tensor.From(vtp_multinomial(input.Handle, num_samples, replacement, Gen(generator)));

    public static Tensor bernoulli(Tensor input, Generator? generator = null) => Tensor.From(vtp_bernoulli(input.Handle, Gen(generator)));

    public partial class Tensor
    {
        public Tensor multinomial(long num_samples, bool replacement = false, Generator? generator = null) =>
            torch.multinomial(this, num_samples, replacement, generator);
        public Tensor bernoulli(Generator? generator = null) => torch.bernoulli(this, generator);

        public Tensor uniform_(double from = 0, double to = 1, Generator? generator = null) => Fill(0, from, to, generator);
        public Tensor normal_(double mean = 0, double std = 1, Generator? generator = null) => Fill(1, mean, std, generator);
        public Tensor bernoulli_(double p = 0.5, Generator? generator = null) => Fill(2, p, 0, generator);

        private Tensor Fill(int kind, double a, double b, Generator? generator)
        {
            torch.Check(vtp_random_fill_(Handle, kind, a, b, Gen(generator)));
            return this;
        }
    }

    public static class random
    {
        public static Generator manual_seed(long seed) => torch.manual_seed(seed);
        public static long initial_seed() => Generator.Default.initial_seed();
        public static long seed() => Generator.Default.seed();
        public static Tensor get_rng_state() => Generator.Default.get_state();
        public static void set_rng_state(Tensor new_state) => Generator.Default.set_state(new_state);
    }
}
