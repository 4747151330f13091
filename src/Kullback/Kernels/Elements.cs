using System.Runtime.CompilerServices;

namespace Kullback.Kernels;

/// <summary>How a kernel reads its element type: doubles as they are, floats widened to double (exactly).</summary>
internal interface IElements<T>
{
    static abstract TSimd Load<TSimd>(ref T source, nuint index) where TSimd : struct, ISimd<TSimd>;
    static abstract double At(ref T source, nuint index);
}

internal readonly struct DoubleElements : IElements<double>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TSimd Load<TSimd>(ref double source, nuint index) where TSimd : struct, ISimd<TSimd> => TSimd.Load(ref source, index);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double At(ref double source, nuint index) => Unsafe.Add(ref source, index);
}

internal readonly struct FloatElements : IElements<float>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TSimd Load<TSimd>(ref float source, nuint index) where TSimd : struct, ISimd<TSimd> => TSimd.LoadWidened(ref source, index);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double At(ref float source, nuint index) => Unsafe.Add(ref source, index);
}

/// <summary>Which vector width a kernel uses: the widest the CPU accelerates, or one forced (for tests).</summary>
internal enum VectorWidth { Best, Bits512, Bits256, Scalar }
