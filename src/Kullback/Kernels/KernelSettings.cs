namespace Kullback.Kernels;

/// <summary>
/// How a pass runs: the vector width, the most cores it may use (−1: all) and the length from which it splits the work;
/// production uses <see cref="Default"/>, tests force the rest.
/// </summary>
internal readonly record struct KernelSettings(VectorWidth Width, int MaxDegreeOfParallelism, int ParallelThreshold)
{
    public static KernelSettings Default => new(VectorWidth.Best, -1, KernelRunner.DefaultParallelThreshold);

    public static KernelSettings WithParallelism(int maxDegreeOfParallelism) => Default with { MaxDegreeOfParallelism = maxDegreeOfParallelism };

    /// <summary>Whether a pass over <paramref name="length"/> elements stays on the calling thread.</summary>
    public bool SingleThreaded(int length) => length < ParallelThreshold || MaxDegreeOfParallelism == 1;
}
