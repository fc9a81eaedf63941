// Element-wise math and comparisons on tensors, their operators and torch.* forms.
using TorchSharp.Native;
using static TorchSharp.Native.NativeMethods;

namespace TorchSharp;

public static partial class torch
{
    public partial class Tensor
    {
        private static readonly Scalar One = 1;

        private Tensor Unary(UnaryOp op) => From(vtp_unary(Handle, (int)op, false));

        private Tensor UnaryInPlace(UnaryOp op)
        {
            torch.Check(vtp_unary(Handle, (int)op, true));
            return this;
        }

        private Tensor Binary(Tensor other, BinaryOp op, Scalar? alpha = null)
        {
            var a = alpha ?? One;
            return From(vtp_binary(Handle, other.Handle, (int)op, a.Kind, a.Double, a.Long, false));
        }

        private Tensor BinaryInPlace(Tensor other, BinaryOp op, Scalar? alpha = null)
        {
            var a = alpha ?? One;
            torch.Check(vtp_binary(Handle, other.Handle, (int)op, a.Kind, a.Double, a.Long, true));
            return this;
        }

        private Tensor Binary(Scalar other, BinaryOp op, Scalar? alpha = null, bool reverse = false)
        {
            var a = alpha ?? One;
            return From(vtp_binary_scalar(Handle, other.Kind, other.Double, other.Long, (int)op, a.Kind, a.Double, a.Long, false, reverse));
        }

        private Tensor BinaryInPlace(Scalar other, BinaryOp op, Scalar? alpha = null)
        {
            var a = alpha ?? One;
            torch.Check(vtp_binary_scalar(Handle, other.Kind, other.Double, other.Long, (int)op, a.Kind, a.Double, a.Long, true, false));
            return this;
        }

        public Tensor neg() => Unary(UnaryOp.Neg);
        public Tensor neg_() => UnaryInPlace(UnaryOp.Neg);
        public Tensor exp() => Unary(UnaryOp.Exp);
        public Tensor exp_() => UnaryInPlace(UnaryOp.Exp);
        public Tensor log() => Unary(UnaryOp.Log);
        public Tensor log_() => UnaryInPlace(UnaryOp.Log);
        public Tensor log1p() => Unary(UnaryOp.Log1p);
        public Tensor log2() => Unary(UnaryOp.Log2);
        public Tensor sqrt() => Unary(UnaryOp.Sqrt);
        public Tensor sqrt_() => UnaryInPlace(UnaryOp.Sqrt);
        public Tensor rsqrt() => Unary(UnaryOp.Rsqrt);
        public Tensor abs() => Unary(UnaryOp.Abs);
        public Tensor abs_() => UnaryInPlace(UnaryOp.Abs);
        public Tensor sin() => Unary(UnaryOp.Sin);
        public Tensor cos() => Unary(UnaryOp.Cos);
        public Tensor tanh() => Unary(UnaryOp.Tanh);
        public Tensor sigmoid() => Unary(UnaryOp.Sigmoid);
        public Tensor relu() => Unary(UnaryOp.Relu);
        public Tensor relu_() => UnaryInPlace(UnaryOp.Relu);
        public Tensor silu() => Unary(UnaryOp.Silu);
        public Tensor gelu() => Unary(UnaryOp.Gelu);
        public Tensor erf() => Unary(UnaryOp.Erf);
        public Tensor erfinv() => Unary(UnaryOp.Erfinv);
        public Tensor erfinv_() => UnaryInPlace(UnaryOp.Erfinv);
        public Tensor floor() => Unary(UnaryOp.Floor);
        public Tensor ceil() => Unary(UnaryOp.Ceil);
        public Tensor round() => Unary(UnaryOp.Round);
        public Tensor trunc() => Unary(UnaryOp.Trunc);
        public Tensor sign() => Unary(UnaryOp.Sign);
        public Tensor reciprocal() => Unary(UnaryOp.Reciprocal);
        public Tensor square() => Unary(UnaryOp.Square);
        public Tensor logical_not() => Unary(UnaryOp.LogicalNot);
        public Tensor isnan() => Unary(UnaryOp.IsNan);
        public Tensor isinf() => Unary(UnaryOp.IsInf);
        public Tensor isfinite() => Unary(UnaryOp.IsFinite);

        public Tensor add(Tensor target) => Binary(target, BinaryOp.Add);
        public Tensor add(Tensor target, Scalar alpha) => Binary(target, BinaryOp.Add, alpha);
        public Tensor add(Scalar scalar) => Binary(scalar, BinaryOp.Add);
        public Tensor add(Scalar scalar, Scalar alpha) => Binary(scalar, BinaryOp.Add, alpha);
        public Tensor add_(Tensor target) => BinaryInPlace(target, BinaryOp.Add);
        public Tensor add_(Tensor target, Scalar alpha) => BinaryInPlace(target, BinaryOp.Add, alpha);
        public Tensor add_(Scalar scalar) => BinaryInPlace(scalar, BinaryOp.Add);
        public Tensor add_(Scalar scalar, Scalar alpha) => BinaryInPlace(scalar, BinaryOp.Add, alpha);
        public Tensor sub(Tensor target) => Binary(target, BinaryOp.Sub);
        public Tensor sub(Tensor target, Scalar alpha) => Binary(target, BinaryOp.Sub, alpha);
        public Tensor sub(Scalar target) => Binary(target, BinaryOp.Sub);
        public Tensor sub_(Tensor target) => BinaryInPlace(target, BinaryOp.Sub);
        public Tensor sub_(Tensor target, Scalar alpha) => BinaryInPlace(target, BinaryOp.Sub, alpha);
        public Tensor sub_(Scalar target) => BinaryInPlace(target, BinaryOp.Sub);
        public Tensor mul(Tensor target) => Binary(target, BinaryOp.Mul);
        public Tensor mul(Scalar target) => Binary(target, BinaryOp.Mul);
        public Tensor mul_(Tensor target) => BinaryInPlace(target, BinaryOp.Mul);
        public Tensor mul_(Scalar target) => BinaryInPlace(target, BinaryOp.Mul);
        public Tensor div(Tensor target, RoundingMode rounding_mode = RoundingMode.None) => Binary(target, DivOp(rounding_mode));
        public Tensor div(Scalar target, RoundingMode rounding_mode = RoundingMode.None) => Binary(target, DivOp(rounding_mode));
        public Tensor div_(Tensor target, RoundingMode rounding_mode = RoundingMode.None) => BinaryInPlace(target, DivOp(rounding_mode));
        public Tensor div_(Scalar target, RoundingMode rounding_mode = RoundingMode.None) => BinaryInPlace(target, DivOp(rounding_mode));
        public Tensor pow(Tensor exponent) => Binary(exponent, BinaryOp.Pow);
        public Tensor pow(Scalar exponent) => Binary(exponent, BinaryOp.Pow);
        public Tensor pow_(Scalar exponent) => BinaryInPlace(exponent, BinaryOp.Pow);
        public Tensor remainder(Tensor target) => Binary(target, BinaryOp.Remainder);
        public Tensor remainder(Scalar target) => Binary(target, BinaryOp.Remainder);
        public Tensor maximum(Tensor other) => Binary(other, BinaryOp.Maximum);
        public Tensor minimum(Tensor other) => Binary(other, BinaryOp.Minimum);
        public Tensor atan2(Tensor other) => Binary(other, BinaryOp.Atan2);
        public Tensor logical_and(Tensor other) => Binary(other, BinaryOp.LogicalAnd);
        public Tensor logical_or(Tensor other) => Binary(other, BinaryOp.LogicalOr);
        public Tensor logical_xor(Tensor other) => Binary(other, BinaryOp.LogicalXor);
        public Tensor bitwise_and(Tensor other) => Binary(other, BinaryOp.BitwiseAnd);
        public Tensor bitwise_or(Tensor other) => Binary(other, BinaryOp.BitwiseOr);

        public Tensor eq(Tensor target) => Binary(target, BinaryOp.Eq);
        public Tensor eq(Scalar target) => Binary(target, BinaryOp.Eq);
        public Tensor ne(Tensor target) => Binary(target, BinaryOp.Ne);
        public Tensor ne(Scalar target) => Binary(target, BinaryOp.Ne);
        public Tensor lt(Tensor target) => Binary(target, BinaryOp.Lt);
        public Tensor lt(Scalar target) => Binary(target, BinaryOp.Lt);
        public Tensor le(Tensor target) => Binary(target, BinaryOp.Le);
        public Tensor le(Scalar target) => Binary(target, BinaryOp.Le);
        public Tensor gt(Tensor target) => Binary(target, BinaryOp.Gt);
        public Tensor gt(Scalar target) => Binary(target, BinaryOp.Gt);
        public Tensor ge(Tensor target) => Binary(target, BinaryOp.Ge);
        public Tensor ge(Scalar target) => Binary(target, BinaryOp.Ge);

        private static BinaryOp DivOp(RoundingMode mode) => mode switch
        {
            RoundingMode.floor => BinaryOp.FloorDivide,
            RoundingMode.trunc => BinaryOp.TruncDivide,
            _ => BinaryOp.Div,
        };

        public Tensor addcmul(Tensor tensor1, Tensor tensor2, Scalar value) => From(vtp_addc(Handle, tensor1.Handle, tensor2.Handle, 0, value.Kind, value.Double, value.Long, false));
        public Tensor addcmul_(Tensor tensor1, Tensor tensor2, Scalar value) => AddcInPlace(tensor1, tensor2, 0, value);
        public Tensor addcdiv(Tensor tensor1, Tensor tensor2, Scalar value) => From(vtp_addc(Handle, tensor1.Handle, tensor2.Handle, 1, value.Kind, value.Double, value.Long, false));
        public Tensor addcdiv_(Tensor tensor1, Tensor tensor2, Scalar value) => AddcInPlace(tensor1, tensor2, 1, value);

        private Tensor AddcInPlace(Tensor a, Tensor b, int op, Scalar value)
        {
            torch.Check(vtp_addc(Handle, a.Handle, b.Handle, op, value.Kind, value.Double, value.Long, true));
            return this;
        }

        public Tensor lerp_(Tensor end, double weight)
        {
            torch.Check(vtp_lerp(Handle, end.Handle, weight, true));
            return this;
        }

        public Tensor clamp(Scalar? min = null, Scalar? max = null) =>
            From(vtp_clamp(Handle, min != null, min?.ToDouble() ?? 0, max != null, max?.ToDouble() ?? 0, false));
        public Tensor clamp_(Scalar? min = null, Scalar? max = null)
        {
            torch.Check(vtp_clamp(Handle, min != null, min?.ToDouble() ?? 0, max != null, max?.ToDouble() ?? 0, true));
            return this;
        }
        public Tensor clamp_min(Scalar min) => clamp(min, null);
        public Tensor clamp_max(Scalar max) => clamp(null, max);
        public Tensor clip(Scalar? min = null, Scalar? max = null) => clamp(min, max);

        public Tensor matmul(Tensor target) => From(vtp_matmul(Handle, target.Handle));
        public Tensor mm(Tensor target) => From(vtp_mm(Handle, target.Handle));
        public Tensor bmm(Tensor batch2) => From(vtp_bmm(Handle, batch2.Handle));
        public Tensor baddbmm(Tensor batch1, Tensor batch2, float beta = 1, float alpha = 1) => From(vtp_baddbmm(Handle, batch1.Handle, batch2.Handle, beta, alpha));
        public Tensor addmm(Tensor mat1, Tensor mat2, float beta = 1, float alpha = 1) => From(vtp_addmm(Handle, mat1.Handle, mat2.Handle, beta, alpha));

        public bool allclose(Tensor target, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false)
        {
            var r = vtp_allclose(Handle, target.Handle, rtol, atol, equal_nan);
            torch.CheckForErrors();
            return r;
        }

        public bool Equals(Tensor target)
        {
            var r = vtp_equal(Handle, target.Handle);
            torch.CheckForErrors();
            return r;
        }

        public static Tensor operator +(Tensor left, Tensor right) => left.add(right);
        public static Tensor operator +(Tensor left, Scalar right) => left.add(right);
        public static Tensor operator +(Scalar left, Tensor right) => right.add(left);
        public static Tensor operator -(Tensor left, Tensor right) => left.sub(right);
        public static Tensor operator -(Tensor left, Scalar right) => left.sub(right);
        public static Tensor operator -(Scalar left, Tensor right) => right.Binary(left, BinaryOp.Sub, reverse: true);
        public static Tensor operator *(Tensor left, Tensor right) => left.mul(right);
        public static Tensor operator *(Tensor left, Scalar right) => left.mul(right);
        public static Tensor operator *(Scalar left, Tensor right) => right.mul(left);
        public static Tensor operator /(Tensor left, Tensor right) => left.div(right);
        public static Tensor operator /(Tensor left, Scalar right) => left.div(right);
        public static Tensor operator /(Scalar left, Tensor right) => right.Binary(left, BinaryOp.Div, reverse: true);
        public static Tensor operator %(Tensor left, Tensor right) => left.remainder(right);
        public static Tensor operator %(Tensor left, Scalar right) => left.remainder(right);
        public static Tensor operator -(Tensor tensor) => tensor.neg();
        public static Tensor operator &(Tensor left, Tensor right) => left.logical_and(right);
        public static Tensor operator |(Tensor left, Tensor right) => left.logical_or(right);
        public static Tensor operator !(Tensor tensor) => tensor.logical_not();
    }

    public enum RoundingMode { None, trunc, floor }

    public static Tensor exp(Tensor input) => input.exp();
    public static Tensor log(Tensor input) => input.log();
    public static Tensor sqrt(Tensor input) => input.sqrt();
    public static Tensor abs(Tensor input) => input.abs();
    public static Tensor tanh(Tensor input) => input.tanh();
    public static Tensor sigmoid(Tensor input) => input.sigmoid();
    public static Tensor relu(Tensor input) => input.relu();
    public static Tensor sin(Tensor input) => input.sin();
    public static Tensor cos(Tensor input) => input.cos();
    public static Tensor pow(Tensor input, Scalar exponent) => input.pow(exponent);
    public static Tensor pow(Tensor input, Tensor exponent) => input.pow(exponent);
    public static Tensor maximum(Tensor input, Tensor other) => input.maximum(other);
    public static Tensor minimum(Tensor input, Tensor other) => input.minimum(other);
    public static Tensor clamp(Tensor input, Scalar? min = null, Scalar? max = null) => input.clamp(min, max);
    public static Tensor matmul(Tensor input, Tensor other) => input.matmul(other);
    public static Tensor mm(Tensor input, Tensor other) => input.mm(other);
    public static Tensor bmm(Tensor input, Tensor batch2) => input.bmm(batch2);
    public static bool allclose(Tensor tensor, Tensor target, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false) =>
        tensor.allclose(target, rtol, atol, equal_nan);
    public static bool equal(Tensor tensor, Tensor target) => tensor.Equals(target);

    public static Tensor einsum(string equation, params Tensor[] tensors)
    {
        Span<IntPtr> handles = stackalloc IntPtr[tensors.Length];
        for (int i = 0; i < tensors.Length; i++) handles[i] = tensors[i].Handle;
        return Tensor.From(vtp_einsum(equation, handles, tensors.Length));
    }
}
