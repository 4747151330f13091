using System.Runtime.CompilerServices;

namespace Kullback.Kernels;

/// <summary>How a kernel reads its element type: doubles as they are, floats widened to double (exactly).</summary>
internal interface IElements<T>
{
    static abstract TV Load<TV>(ref T source, nuint index) where TV : struct, ISimd<TV>;
    static abstract double At(ref T source, nuint index);
}

/// <summary>Double elements, read as they are.</summary>
internal readonly struct DoubleElements : IElements<double>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Load<TV>(ref double source, nuint index) where TV : struct, ISimd<TV> => TV.Load(ref source, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double At(ref double source, nuint index) => Unsafe.Add(ref source, index);
}

/// <summary>Float elements, widened to double as they are loaded: half the bytes read, the same arithmetic.</summary>
internal readonly struct FloatElements : IElements<float>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Load<TV>(ref float source, nuint index) where TV : struct, ISimd<TV> => TV.LoadWidened(ref source, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double At(ref float source, nuint index) => Unsafe.Add(ref source, index);
}
