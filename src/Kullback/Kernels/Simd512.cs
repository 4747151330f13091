using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Kullback.Kernels;

/// <summary>Eight doubles (AVX-512), with the own <see cref="VectorLog"/> and <see cref="VectorExp"/>.</summary>
internal readonly struct Simd512(Vector512<double> v) : ISimd<Simd512>
{
    public readonly Vector512<double> V = v;
    public static int Count => Vector512<double>.Count;
    public static bool IsHardwareAccelerated => Vector512.IsHardwareAccelerated;
    public static Simd512 Zero => new(Vector512<double>.Zero);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 Create(double value) => new(Vector512.Create(value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 Load(ref double source, nuint index) => new(Vector512.LoadUnsafe(ref source, index));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Simd512 value, ref double destination, nuint index) => value.V.StoreUnsafe(ref destination, index);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd512 LoadWidened(ref float source, nuint index)
    {
        var f = Vector256.LoadUnsafe(ref source, index);
        return new(Avx512F.IsSupported ? Avx512F.ConvertToVector512Double(f) : Vector512.Create(Vector256.WidenLower(f), Vector256.WidenUpper(f)));
    }
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 operator +(Simd512 a, Simd512 b) => new(a.V + b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 operator -(Simd512 a, Simd512 b) => new(a.V - b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 operator *(Simd512 a, Simd512 b) => new(a.V * b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 operator /(Simd512 a, Simd512 b) => new(a.V / b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 operator -(Simd512 a) => new(-a.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 operator &(Simd512 a, Simd512 b) => new(a.V & b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 operator |(Simd512 a, Simd512 b) => new(a.V | b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 FusedMultiplyAdd(Simd512 a, Simd512 b, Simd512 c) => new(Vector512.FusedMultiplyAdd(a.V, b.V, c.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 Abs(Simd512 a) => new(Vector512.Abs(a.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 Sqrt(Simd512 a) => new(Vector512.Sqrt(a.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 ReciprocalEstimate(Simd512 a) => new(Avx512F.IsSupported ? Avx512F.Reciprocal14(a.V) : Vector512<double>.One / a.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 Log(Simd512 a) => new(VectorLog.IsSupported ? VectorLog.Log(a.V) : Vector512.Log(a.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 Exp(Simd512 a) => new(VectorExp.IsSupported ? VectorExp.Exp(a.V) : Vector512.Exp(a.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 MaxOfBits(Simd512 a, Simd512 b) => new(Vector512.Max(a.V.AsInt64(), b.V.AsInt64()).AsDouble());
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 MinOfBitsLessOne(Simd512 minimum, Simd512 a) => new(Vector512.Min(minimum.V.AsUInt64(), a.V.AsUInt64() - Vector512<ulong>.One).AsDouble());
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 Min(Simd512 a, Simd512 b) => new(Vector512.MinNative(a.V, b.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 Max(Simd512 a, Simd512 b) => new(Vector512.MaxNative(a.V, b.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 LessThan(Simd512 a, Simd512 b) => new(Vector512.LessThan(a.V, b.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 GreaterThan(Simd512 a, Simd512 b) => new(Vector512.GreaterThan(a.V, b.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 GreaterThanZero(Simd512 a) => new(Vector512.GreaterThan(a.V, Vector512<double>.Zero));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 AndNot(Simd512 a, Simd512 b) => new(Vector512.AndNot(a.V, b.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 Select(Simd512 mask, Simd512 whenTrue, Simd512 whenFalse) => new(Vector512.ConditionalSelect(mask.V, whenTrue.V, whenFalse.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool AnyBitSet(Simd512 mask) => Vector512.AsUInt64(mask.V) != Vector512<ulong>.Zero;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double Sum(Simd512 a) => Vector512.Sum(a.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double Element(Simd512 a, int index) => a.V.GetElement(index);
}
