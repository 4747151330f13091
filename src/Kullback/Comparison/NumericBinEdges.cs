using System.Collections.Immutable;
using System.Globalization;

namespace Kullback.Comparison;

/// <summary>
/// The edges e₀ &lt; e₁ &lt; … &lt; e_k of a numeric column's bins, chosen on the reference, and the bins they make:
/// the underflow bin (−∞, e₀), the regular bins [eᵢ, eᵢ₊₁), the overflow bin [e_k, +∞) and the missing bin, so that
/// every current value lands somewhere.
/// </summary>
/// <remarks>
/// The rules put e₀ at the reference minimum and e_k just above its maximum (the next double up), so the reference fills
/// the regular bins and the underflow and overflow bins hold exactly the current values outside the reference's range.
/// NaN is missing; −∞ lands in the underflow bin and +∞ in the overflow bin.
/// </remarks>
public sealed class NumericBinEdges
{
    /// <summary>Edges as given (for example by an engine that applied the rule itself).</summary>
    /// <param name="edges">Finite and strictly increasing; may be empty (one bin (−∞, +∞)).</param>
    /// <param name="rule">The rule that chose them, for the output.</param>
    /// <exception cref="InvalidArgumentException">An edge is not finite, or the edges do not strictly increase.</exception>
    public NumericBinEdges(IEnumerable<double> edges, BinningRule rule)
    {
        ArgumentNullException.ThrowIfNull(edges);
        Edges = [.. edges];
        for (int i = 0; i < Edges.Length; i++)
        {
            if (!double.IsFinite(Edges[i]))
                throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture, $"Edge {i} is {RangeBin.Format(Edges[i])}: edges must be finite."), nameof(edges));
            if (i > 0 && !(Edges[i - 1] < Edges[i]))
                throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Edge {i} ({RangeBin.Format(Edges[i])}) is not above edge {i - 1} ({RangeBin.Format(Edges[i - 1])}): edges must strictly increase (remove duplicates first)."), nameof(edges));
        }
        Rule = rule;
        var bins = ImmutableArray.CreateBuilder<Bin>(Edges.Length + 2);
        if (Edges.IsEmpty) bins.Add(new RangeBin(null, null));
        else
        {
            bins.Add(new RangeBin(null, Edges[0]));
            for (int i = 0; i + 1 < Edges.Length; i++) bins.Add(new RangeBin(Edges[i], Edges[i + 1]));
            bins.Add(new RangeBin(Edges[^1], null));
        }
        bins.Add(MissingBin.Instance);
        Bins = bins.ToImmutable();
    }

    /// <summary>The edges, strictly increasing.</summary>
    public ImmutableArray<double> Edges { get; }

    /// <summary>The rule that chose the edges.</summary>
    public BinningRule Rule { get; }

    /// <summary>Underflow, regular bins, overflow, then missing: <see cref="Edges"/>.Length + 2 bins (2 when there are no edges).</summary>
    public ImmutableArray<Bin> Bins { get; }

    /// <summary>The index in <see cref="Bins"/> of the bin holding <paramref name="x"/> (the missing bin for NaN).</summary>
    public int IndexOf(double x) => IndexOf(Edges.AsSpan(), x);

    /// <summary>The number of edges ≤ x (0 is the underflow bin, the edge count the overflow bin), or the missing bin's index for NaN.</summary>
    private static int IndexOf(ReadOnlySpan<double> edges, double x)
    {
        if (double.IsNaN(x)) return edges.Length == 0 ? 1 : edges.Length + 1;
        int lo = 0, hi = edges.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= x) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>Adds one to the count of each value's bin.</summary>
    /// <param name="values">Values, NaN for missing.</param>
    /// <param name="counts">One count per bin (<see cref="Bins"/>.Length), added to.</param>
    /// <exception cref="InvalidArgumentException"><paramref name="counts"/> has the wrong length.</exception>
    public void CountInto(ReadOnlySpan<double> values, Span<long> counts)
    {
        if (counts.Length != Bins.Length)
            throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture, $"counts has {counts.Length} entries for {Bins.Length} bins."), nameof(counts));
        var edges = Edges.AsSpan();
        foreach (double x in values) counts[IndexOf(edges, x)]++;
    }

    /// <summary>The column histogram of two in-memory samples over these bins.</summary>
    /// <param name="reference">The reference values (NaN for missing).</param>
    /// <param name="current">The current values (NaN for missing).</param>
    public ColumnHistogram Histogram(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        var r = new long[Bins.Length];
        var c = new long[Bins.Length];
        CountInto(reference, r);
        CountInto(current, c);
        return new ColumnHistogram(Bins, r, c);
    }
}
