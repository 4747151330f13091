using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Kullback.Kernels;

/// <summary>
/// The vector operations the fast kernels need, implemented once per width (<see cref="Simd512"/>, <see cref="Simd256"/>)
/// so that each kernel is written once, generic over the width; the JIT specialises and inlines every call.
/// Masks are vectors with all bits set in the selected lanes.
/// </summary>
internal interface ISimd<TSelf> where TSelf : struct, ISimd<TSelf>
{
    static abstract int Count { get; }
    static abstract bool IsHardwareAccelerated { get; }
    static abstract TSelf Zero { get; }
    static abstract TSelf Create(double value);
    static abstract TSelf Load(ref double source, nuint index);
    static abstract TSelf LoadWidened(ref float source, nuint index);
    static abstract TSelf Add(TSelf a, TSelf b);
    static abstract TSelf Subtract(TSelf a, TSelf b);
    static abstract TSelf Multiply(TSelf a, TSelf b);
    static abstract TSelf Divide(TSelf a, TSelf b);
    static abstract TSelf Log(TSelf a);
    static abstract TSelf Abs(TSelf a);
    static abstract TSelf Or(TSelf a, TSelf b);
    /// <summary>a·b + c with one rounding.</summary>
    static abstract TSelf FusedMultiplyAdd(TSelf a, TSelf b, TSelf c);
    static abstract TSelf Max(TSelf a, TSelf b);
    static abstract TSelf LessThan(TSelf a, TSelf b);
    static abstract double Element(TSelf a, int index);
    static abstract TSelf Min(TSelf a, TSelf b);
    static abstract TSelf LessThanZero(TSelf a);
    static abstract TSelf And(TSelf a, TSelf b);
    /// <summary>a and not b.</summary>
    static abstract TSelf AndNot(TSelf a, TSelf b);
    static abstract TSelf GreaterThanZero(TSelf a);
    /// <summary>Lanes strictly between 0 and the smallest normal double (they carry fewer significant bits).</summary>
    static abstract TSelf Subnormal(TSelf a);
    static abstract TSelf Select(TSelf mask, TSelf whenTrue, TSelf whenFalse);
    /// <summary>A mask of the first <paramref name="count"/> lanes.</summary>
    static abstract TSelf FirstLanes(int count);
    static abstract bool AnyBitSet(TSelf mask);
    static abstract double Sum(TSelf a);
}

internal readonly struct Simd512(Vector512<double> v) : ISimd<Simd512>
{
    public readonly Vector512<double> V = v;
    public static int Count => Vector512<double>.Count;
    public static bool IsHardwareAccelerated => Vector512.IsHardwareAccelerated;
    public static Simd512 Zero => new(Vector512<double>.Zero);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 Create(double value) => new(Vector512.Create(value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 Load(ref double s, nuint i) => new(Vector512.LoadUnsafe(ref s, i));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd512 LoadWidened(ref float s, nuint i)
    {
        var f = Vector256.LoadUnsafe(ref s, i);
        return new(Avx512F.IsSupported ? Avx512F.ConvertToVector512Double(f) : Vector512.Create(Vector256.WidenLower(f), Vector256.WidenUpper(f)));
    }
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 Add(Simd512 a, Simd512 b) => new(a.V + b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 Subtract(Simd512 a, Simd512 b) => new(a.V - b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 Multiply(Simd512 a, Simd512 b) => new(a.V * b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 Divide(Simd512 a, Simd512 b) => new(a.V / b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 Log(Simd512 a) => new(VectorLog.IsSupported ? VectorLog.Log(a.V) : Vector512.Log(a.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 Abs(Simd512 a) => new(Vector512.Abs(a.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 Or(Simd512 a, Simd512 b) => new(a.V | b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 FusedMultiplyAdd(Simd512 a, Simd512 b, Simd512 c) => new(Vector512.FusedMultiplyAdd(a.V, b.V, c.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 Max(Simd512 a, Simd512 b) => new(Vector512.MaxNative(a.V, b.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 LessThan(Simd512 a, Simd512 b) => new(Vector512.LessThan(a.V, b.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double Element(Simd512 a, int index) => a.V.GetElement(index);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 Min(Simd512 a, Simd512 b) => new(Vector512.MinNative(a.V, b.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 LessThanZero(Simd512 a) => new(Vector512.LessThan(a.V, Vector512<double>.Zero));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 And(Simd512 a, Simd512 b) => new(a.V & b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 AndNot(Simd512 a, Simd512 b) => new(Vector512.AndNot(a.V, b.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 GreaterThanZero(Simd512 a) => new(Vector512.GreaterThan(a.V, Vector512<double>.Zero));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd512 Subnormal(Simd512 a) => new(Vector512.GreaterThan(a.V, Vector512<double>.Zero) & Vector512.LessThan(a.V, Vector512.Create(2.2250738585072014E-308)));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd512 Select(Simd512 m, Simd512 t, Simd512 f) => new(Vector512.ConditionalSelect(m.V, t.V, f.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd512 FirstLanes(int count) => new(Vector512.LessThan(Vector512.Create(0.0, 1, 2, 3, 4, 5, 6, 7), Vector512.Create((double)count)));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool AnyBitSet(Simd512 m) => Vector512.AsUInt64(m.V) != Vector512<ulong>.Zero;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double Sum(Simd512 a) => Vector512.Sum(a.V);
}

internal readonly struct Simd256(Vector256<double> v) : ISimd<Simd256>
{
    public readonly Vector256<double> V = v;
    public static int Count => Vector256<double>.Count;
    public static bool IsHardwareAccelerated => Vector256.IsHardwareAccelerated;
    public static Simd256 Zero => new(Vector256<double>.Zero);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd256 Create(double value) => new(Vector256.Create(value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd256 Load(ref double s, nuint i) => new(Vector256.LoadUnsafe(ref s, i));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd256 LoadWidened(ref float s, nuint i)
    {
        var f = Vector128.LoadUnsafe(ref s, i);
        return new(Avx.IsSupported ? Avx.ConvertToVector256Double(f) : Vector256.Create(Vector128.WidenLower(f), Vector128.WidenUpper(f)));
    }
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd256 Add(Simd256 a, Simd256 b) => new(a.V + b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd256 Subtract(Simd256 a, Simd256 b) => new(a.V - b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd256 Multiply(Simd256 a, Simd256 b) => new(a.V * b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd256 Divide(Simd256 a, Simd256 b) => new(a.V / b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd256 Log(Simd256 a) => new(Vector256.Log(a.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd256 Abs(Simd256 a) => new(Vector256.Abs(a.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd256 Or(Simd256 a, Simd256 b) => new(a.V | b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd256 FusedMultiplyAdd(Simd256 a, Simd256 b, Simd256 c) => new(Vector256.FusedMultiplyAdd(a.V, b.V, c.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd256 Max(Simd256 a, Simd256 b) => new(Vector256.MaxNative(a.V, b.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd256 LessThan(Simd256 a, Simd256 b) => new(Vector256.LessThan(a.V, b.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double Element(Simd256 a, int index) => a.V.GetElement(index);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd256 Min(Simd256 a, Simd256 b) => new(Vector256.MinNative(a.V, b.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd256 LessThanZero(Simd256 a) => new(Vector256.LessThan(a.V, Vector256<double>.Zero));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd256 And(Simd256 a, Simd256 b) => new(a.V & b.V);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd256 AndNot(Simd256 a, Simd256 b) => new(Vector256.AndNot(a.V, b.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd256 GreaterThanZero(Simd256 a) => new(Vector256.GreaterThan(a.V, Vector256<double>.Zero));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd256 Subnormal(Simd256 a) => new(Vector256.GreaterThan(a.V, Vector256<double>.Zero) & Vector256.LessThan(a.V, Vector256.Create(2.2250738585072014E-308)));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Simd256 Select(Simd256 m, Simd256 t, Simd256 f) => new(Vector256.ConditionalSelect(m.V, t.V, f.V));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd256 FirstLanes(int count) => new(Vector256.LessThan(Vector256.Create(0.0, 1, 2, 3), Vector256.Create((double)count)));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool AnyBitSet(Simd256 m) => Vector256.AsUInt64(m.V) != Vector256<ulong>.Zero;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double Sum(Simd256 a) => Vector256.Sum(a.V);
}
