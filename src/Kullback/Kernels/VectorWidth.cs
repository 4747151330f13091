using System.Runtime.Intrinsics;

namespace Kullback.Kernels;

/// <summary>Which vector width a pass uses: the widest the CPU accelerates, or one forced (for tests).</summary>
internal enum VectorWidth { Best, Bits512, Bits256, Bits128, Scalar }

internal static class VectorWidths
{
    /// <summary>The width <see cref="VectorWidth.Best"/> stands for on this CPU: 512, else 256, else 128 bits, else scalar.</summary>
    public static VectorWidth Resolve(this VectorWidth width) => width switch
    {
        VectorWidth.Best when Vector512.IsHardwareAccelerated => VectorWidth.Bits512,
        VectorWidth.Best when Vector256.IsHardwareAccelerated => VectorWidth.Bits256,
        VectorWidth.Best when Vector128.IsHardwareAccelerated => VectorWidth.Bits128,
        VectorWidth.Best => VectorWidth.Scalar,
        _ => width,
    };
}
