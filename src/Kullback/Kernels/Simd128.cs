using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Kullback.Kernels;

/// <summary>Two doubles (SSE2 or AdvSimd), with .NET's vector logarithm.</summary>
internal readonly struct Simd128(Vector128<double> v) : ISimd<Simd128>
{
    public readonly Vector128<double> V = v;
    public static int Count => Vector128<double>.Count;
    public static bool IsHardwareAccelerated => Vector128.IsHardwareAccelerated;
    public static Simd128 Zero => new(Vector128<double>.Zero);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd128 Create(double value) => new(Vector128.Create(value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd128 Load(ref double source, nuint index) => new(Vector128.LoadUnsafe(ref source, index));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Simd128 value, ref double destination, nuint index) => value.V.StoreUnsafe(ref destination, index);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd128 LoadWidened(ref float source, nuint index)
    {
        ref float first = ref Unsafe.Add(ref source, index);
        return new(Vector128.Create(first, Unsafe.Add(ref first, 1)));
    }
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd128 operator +(Simd128 a, Simd128 b) => new(a.V + b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd128 operator -(Simd128 a, Simd128 b) => new(a.V - b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd128 operator *(Simd128 a, Simd128 b) => new(a.V * b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd128 operator /(Simd128 a, Simd128 b) => new(a.V / b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd128 operator -(Simd128 a) => new(-a.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd128 operator &(Simd128 a, Simd128 b) => new(a.V & b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd128 operator |(Simd128 a, Simd128 b) => new(a.V | b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd128 FusedMultiplyAdd(Simd128 a, Simd128 b, Simd128 c) => new(Vector128.FusedMultiplyAdd(a.V, b.V, c.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd128 Abs(Simd128 a) => new(Vector128.Abs(a.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd128 Sqrt(Simd128 a) => new(Vector128.Sqrt(a.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd128 ReciprocalEstimate(Simd128 a) => new(Avx512F.VL.IsSupported ? Avx512F.VL.Reciprocal14(a.V) : Vector128<double>.One / a.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd128 Log(Simd128 a) => new(Vector128.Log(a.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd128 Exp(Simd128 a) => new(Vector128.Exp(a.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd128 Min(Simd128 a, Simd128 b) => new(Vector128.MinNative(a.V, b.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd128 MaxOfBits(Simd128 a, Simd128 b) => new(Vector128.Max(a.V.AsInt64(), b.V.AsInt64()).AsDouble());
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd128 MinOfBitsLessOne(Simd128 minimum, Simd128 a) => new(Vector128.Min(minimum.V.AsUInt64(), a.V.AsUInt64() - Vector128<ulong>.One).AsDouble());
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd128 Max(Simd128 a, Simd128 b) => new(Vector128.MaxNative(a.V, b.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd128 LessThan(Simd128 a, Simd128 b) => new(Vector128.LessThan(a.V, b.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd128 GreaterThan(Simd128 a, Simd128 b) => new(Vector128.GreaterThan(a.V, b.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd128 GreaterThanZero(Simd128 a) => new(Vector128.GreaterThan(a.V, Vector128<double>.Zero));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd128 AndNot(Simd128 a, Simd128 b) => new(Vector128.AndNot(a.V, b.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd128 Select(Simd128 mask, Simd128 whenTrue, Simd128 whenFalse) => new(Vector128.ConditionalSelect(mask.V, whenTrue.V, whenFalse.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool AnyBitSet(Simd128 mask) => Vector128.AsUInt64(mask.V) != Vector128<ulong>.Zero;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double Sum(Simd128 a) => Vector128.Sum(a.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double Element(Simd128 a, int index) => a.V.GetElement(index);
}
