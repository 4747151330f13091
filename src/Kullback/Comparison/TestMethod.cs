namespace Kullback.Comparison;

/// <summary>How a two-sample test's p-value is computed.</summary>
public enum TestMethod
{
    /// <summary>Exact for small samples, asymptotic otherwise (the thresholds of scipy.stats: KS max(n₁, n₂) ≤ 10,000, Cramér–von Mises max(n₁, n₂) ≤ 20).</summary>
    Auto,

    /// <summary>The exact null distribution (no ties assumed).</summary>
    Exact,

    /// <summary>The asymptotic (large-sample) distribution.</summary>
    Asymptotic,
}
