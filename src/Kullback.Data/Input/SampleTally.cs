using System.Globalization;
using System.Runtime.InteropServices;

namespace Kullback.Data.Input;

/// <summary>
/// Counts samples one at a time in memory bounded by the number of distinct values, which is itself limited:
/// whole numbers in a dense table (0 … 65,535) and a dictionary, or, from the first sample that is not a whole
/// number on, labels (the whole numbers seen so far become labels with the same counts).
/// </summary>
internal sealed class SampleTally(InputOptions options)
{
    private const int DenseSize = 1 << 16;
    private long[]? _dense = new long[DenseSize];
    private readonly Dictionary<long, long> _sparse = [];
    private Dictionary<string, long>? _labels;
    private Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private List<string>? _labelOrder;
    private char[] _chars = new char[256];

    /// <summary>The number of samples added.</summary>
    public long Count { get; private set; }

    /// <summary>The number of distinct values seen.</summary>
    public int Distinct { get; private set; }

    /// <summary>True once a sample was not a whole number, so that every outcome is a label.</summary>
    public bool IsLabels => _labels is not null;

    /// <summary>The first sample that was not a whole number, quoted, and where it was; null while every sample is one.</summary>
    public string? FirstLabel { get; private set; }

    /// <summary>True when the first label was a number (not whole), as measurements are.</summary>
    public bool FirstLabelIsNumber { get; private set; }

    /// <summary>Adds one sample, written <paramref name="field"/> (unquoted; <paramref name="escaped"/> when it holds doubled quotes).</summary>
    public void Add(ReadOnlySpan<byte> field, bool escaped, scoped in Place place)
    {
        if (_labels is null)
        {
            long value = 0;
            InputLocation where;
            var status = escaped ? NumberStatus.Invalid : NumberText.TryParseInt64(field, out value);
            if (status == NumberStatus.Ok)
            {
                AddWhole(value, place);
                return;
            }
            where = place.Location;
            if (status == NumberStatus.OutOfRange)
                throw new InvalidInputException($"{Utf8Text.Quote(field)} {NumberText.WhyNotANumber(field, status)}.", where);
            if (NumberText.LooksLikeCommaNumber(field)) throw CommaNumber(field, where);
            SwitchToLabels(field, where);
        }
        else if (!escaped && NumberText.LooksLikeCommaNumber(field)) throw CommaNumber(field, place.Location);
        AddLabel(field, escaped, place);
    }

    /// <summary>Adds one sample known to be the whole number <paramref name="value"/> (read by a fast path); every sample so far is whole.</summary>
    public void AddWhole(long value, scoped in Place where)
    {
        if ((ulong)value < DenseSize)
        {
            ref long slot = ref _dense![value];
            if (slot == 0) CountNewValue(where);
            slot++;
        }
        else
        {
            ref long slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_sparse, value, out bool exists);
            if (!exists)
            {
                if (Distinct >= options.MaxDistinctValues)
                {
                    _sparse.Remove(value);
                    throw TooManyDistinct(where.Location);
                }
                Distinct++;
            }
            slot++;
        }
        Count++;
    }

    private void CountNewValue(scoped in Place where)
    {
        if (Distinct >= options.MaxDistinctValues) throw TooManyDistinct(where.Location);
        Distinct++;
    }

    private void SwitchToLabels(ReadOnlySpan<byte> field, InputLocation where)
    {
        FirstLabel = $"{Utf8Text.Quote(field)} at {where}";
        FirstLabelIsNumber = NumberText.TryParseDouble(field, out _) == NumberStatus.Ok;
        _labels = new Dictionary<string, long>(StringComparer.Ordinal);
        _labelOrder = [];
        foreach (var (value, count) in Entries())
        {
            string label = value.ToString(CultureInfo.InvariantCulture);
            _labels[label] = count;
            _labelOrder.Add(label);
        }
        _lookup = _labels.GetAlternateLookup<ReadOnlySpan<char>>();
        _dense = null;
        _sparse.Clear();
    }

    private void AddLabel(ReadOnlySpan<byte> field, bool escaped, scoped in Place where)
    {
        ReadOnlySpan<char> text;
        string? unescaped = null;
        if (escaped) text = unescaped = FieldCursor.Unescape(field);
        else
        {
            if (_chars.Length < field.Length) _chars = new char[Math.Max(field.Length, _chars.Length * 2)];
            int n = System.Text.Encoding.UTF8.GetChars(field, _chars);
            text = _chars.AsSpan(0, n);
        }
        ref long slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_lookup, text, out bool exists);
        if (!exists)
        {
            if (Distinct >= options.MaxDistinctValues)
            {
                _lookup.Remove(text);
                throw TooManyDistinct(where.Location);
            }
            _lookup.TryGetValue(text, out string? label, out _);
            _labelOrder!.Add(label!);
            Distinct++;
        }
        slot++;
        Count++;
    }

    /// <summary>
    /// Adds every sample of <paramref name="other"/>, which read the lines after this one's; both must hold whole
    /// numbers only and their distinct values together must be within the limit (the caller checks, so that the
    /// limit's error comes from a sequential read at its exact place).
    /// </summary>
    public void Merge(SampleTally other)
    {
        if (IsLabels || other.IsLabels) throw new InvalidOperationException("Only tallies of whole numbers merge.");
        var mine = _dense!;
        var theirs = other._dense!;
        int added = 0;
        for (int v = 0; v < DenseSize; v++)
        {
            long c = theirs[v];
            if (c == 0) continue;
            if (mine[v] == 0) added++;
            mine[v] += c;
        }
        foreach (var (value, count) in other._sparse)
        {
            ref long slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_sparse, value, out bool exists);
            if (!exists) added++;
            slot += count;
        }
        Distinct += added;
        Count += other.Count;
    }

    /// <summary>Each whole number seen and its count, ascending.</summary>
    private List<(long Value, long Count)> Entries()
    {
        var pairs = new List<(long Value, long Count)>(Distinct);
        if (_dense is not null)
            for (int v = 0; v < DenseSize; v++)
                if (_dense[v] > 0) pairs.Add((v, _dense[v]));
        foreach (var (value, count) in _sparse) pairs.Add((value, count));
        pairs.Sort();
        return pairs;
    }

    /// <summary>The empirical distribution: whole numbers ascending, or labels in order of first appearance.</summary>
    public DiscreteDistribution ToDistribution()
    {
        if (_labels is null)
        {
            var pairs = Entries();
            var outcomes = new Outcome[pairs.Count];
            var counts = new double[pairs.Count];
            for (int i = 0; i < pairs.Count; i++)
            {
                outcomes[i] = Outcome.Of(pairs[i].Value);
                counts[i] = pairs[i].Count;
            }
            return DiscreteDistribution.FromCounts(outcomes, counts);
        }
        var labels = _labelOrder!.Select(Outcome.Of).ToArray();
        var weights = _labelOrder!.Select(l => (double)_labels[l]).ToArray();
        return DiscreteDistribution.FromCounts(labels, weights);
    }

    private InvalidInputException TooManyDistinct(InputLocation where)
    {
        string limit = string.Create(CultureInfo.InvariantCulture,
            $"more than {options.MaxDistinctValues:N0} distinct values, the limit (raise it with {options.Hints.MaxDistinctValues})");
        string why = FirstLabelIsNumber
            ? "; the samples are not whole numbers, so each distinct value is an outcome: round or bin them first."
            : ".";
        return new InvalidInputException(limit + why, where);
    }

    private static InvalidInputException CommaNumber(ReadOnlySpan<byte> field, InputLocation where) =>
        new($"{Utf8Text.Quote(field)} {NumberText.WhyNotANumber(field, NumberStatus.Invalid)}.", where);
}

/// <summary>Where a field is, worked out into a line and column only when a message or the explanation needs it.</summary>
internal readonly ref struct Place(string source, long line, ReadOnlySpan<byte> text, int start)
{
    private readonly ReadOnlySpan<byte> _text = text;

    public InputLocation Location => new(source, line, 1 + Utf8Text.CountScalars(_text[..start]));
}
