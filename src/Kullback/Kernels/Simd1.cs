using System.Runtime.CompilerServices;

namespace Kullback.Kernels;

/// <summary>
/// One double as a vector of one lane: the scalar form of every kernel formula (tails on no hardware, the forced scalar
/// width in tests, and the exact scalar paths), with <see cref="Math"/>'s functions. A mask is a double whose bits are
/// all set (a NaN) or all clear (+0).
/// </summary>
internal readonly struct Simd1(double v) : ISimd<Simd1>
{
    private const long AllBits = -1;

    public readonly double V = v;
    public static int Count => 1;
    public static bool IsHardwareAccelerated => true;
    public static Simd1 Zero => new(0);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd1 Create(double value) => new(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd1 Load(ref double source, nuint index) => new(Unsafe.Add(ref source, index));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Simd1 value, ref double destination, nuint index) => Unsafe.Add(ref destination, index) = value.V;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd1 LoadWidened(ref float source, nuint index) => new(Unsafe.Add(ref source, index));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd1 operator +(Simd1 a, Simd1 b) => new(a.V + b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd1 operator -(Simd1 a, Simd1 b) => new(a.V - b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd1 operator *(Simd1 a, Simd1 b) => new(a.V * b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd1 operator /(Simd1 a, Simd1 b) => new(a.V / b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd1 operator -(Simd1 a) => new(-a.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd1 operator &(Simd1 a, Simd1 b) => FromBits(Bits(a) & Bits(b));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd1 operator |(Simd1 a, Simd1 b) => FromBits(Bits(a) | Bits(b));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd1 FusedMultiplyAdd(Simd1 a, Simd1 b, Simd1 c) => new(Math.FusedMultiplyAdd(a.V, b.V, c.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd1 Abs(Simd1 a) => new(Math.Abs(a.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd1 Sqrt(Simd1 a) => new(Math.Sqrt(a.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd1 ReciprocalEstimate(Simd1 a) => new(1 / a.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd1 Log(Simd1 a) => new(Math.Log(a.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd1 Exp(Simd1 a) => new(Math.Exp(a.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd1 Min(Simd1 a, Simd1 b) => new(a.V < b.V ? a.V : b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd1 MaxOfBits(Simd1 a, Simd1 b) => Bits(a) >= Bits(b) ? a : b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd1 MinOfBitsLessOne(Simd1 minimum, Simd1 a) => FromBits((long)Math.Min((ulong)Bits(minimum), (ulong)Bits(a) - 1));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd1 Max(Simd1 a, Simd1 b) => new(a.V > b.V ? a.V : b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd1 LessThan(Simd1 a, Simd1 b) => Mask(a.V < b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd1 GreaterThan(Simd1 a, Simd1 b) => Mask(a.V > b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd1 GreaterThanZero(Simd1 a) => Mask(a.V > 0);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd1 AndNot(Simd1 a, Simd1 b) => FromBits(Bits(a) & ~Bits(b));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd1 Select(Simd1 mask, Simd1 whenTrue, Simd1 whenFalse) => Bits(mask) != 0 ? whenTrue : whenFalse;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool AnyBitSet(Simd1 mask) => Bits(mask) != 0;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double Sum(Simd1 a) => a.V;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double Element(Simd1 a, int index) => a.V;

    private static long Bits(Simd1 a) => BitConverter.DoubleToInt64Bits(a.V);
    private static Simd1 FromBits(long bits) => new(BitConverter.Int64BitsToDouble(bits));
    private static Simd1 Mask(bool set) => FromBits(set ? AllBits : 0);
}
