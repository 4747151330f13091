using System.Collections.Immutable;
using System.Globalization;
using Kullback.Numerics;

namespace Kullback;

/// <summary>
/// A joint distribution of named discrete variables: a table of weights over the grid of their levels, stored row-major
/// (the last variable varies fastest), normalised exactly when a measure is taken. The multivariate measures
/// (<see cref="Measures.MutualInformation(JointDistribution, string, string, InformationUnit)"/>,
/// <see cref="Measures.ConditionalEntropy(JointDistribution, string, string, InformationUnit)"/>,
/// <see cref="Measures.TotalCorrelation(JointDistribution, InformationUnit)"/>, …) take it.
/// </summary>
/// <remarks>
/// Build it from a probability table or weights (<see cref="FromTable"/>), from counts (<see cref="FromCounts"/>: the counts
/// stay available, for estimators that need them, through <see cref="ContingencyTable"/>), or from rows of samples
/// (<see cref="FromSamples"/>). <see cref="Marginal(string[])"/> sums cells exactly (counts in integers, weights in
/// double-double, rounded once); <see cref="Condition"/> slices the table at one level, which is exact.
/// </remarks>
public sealed class JointDistribution
{
    private readonly double[] _weights;
    private readonly long[]? _counts;
    private readonly int[] _strides;

    private JointDistribution(ImmutableArray<string> variables, ImmutableArray<ImmutableArray<string>> levels, double[] weights, long[]? counts)
    {
        Variables = variables;
        Levels = levels;
        _weights = weights;
        _counts = counts;
        Shape = [.. levels.Select(l => l.Length)];
        _strides = new int[Shape.Length];
        int stride = 1;
        for (int k = Shape.Length - 1; k >= 0; k--)
        {
            _strides[k] = stride;
            stride *= Shape[k];
        }
    }

    /// <summary>The variables' names, in the order of the table's axes.</summary>
    public ImmutableArray<string> Variables { get; }

    /// <summary>The number of levels of each variable.</summary>
    public ImmutableArray<int> Shape { get; }

    /// <summary>Each variable's level labels ("0", "1", … for tables; the values seen, in order of first appearance, for samples).</summary>
    public ImmutableArray<ImmutableArray<string>> Levels { get; }

    /// <summary>The cells' weights as given (row-major): probabilities, weights or counts; not normalised.</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>Whether the table holds integer counts (built by <see cref="FromCounts"/> or <see cref="FromSamples"/>).</summary>
    public bool HasCounts => _counts is not null;

    /// <summary>The number of cells, the product of <see cref="Shape"/>.</summary>
    public int CellCount => _weights.Length;

    /// <summary>
    /// A joint distribution from a table of probabilities or weights of any magnitude over the grid of the variables' levels.
    /// </summary>
    /// <param name="variables">Distinct, non-empty names, one per axis.</param>
    /// <param name="shape">The number of levels of each variable (each ≥ 1).</param>
    /// <param name="weights">Row-major weights (the last variable fastest): finite, non-negative, not all zero; length the product of the shape.</param>
    /// <exception cref="InvalidArgumentException">A name is empty or repeated, the shape does not match the names or the weights' length, or a weight is negative, NaN or infinite, or all are zero.</exception>
    public static JointDistribution FromTable(IReadOnlyList<string> variables, IReadOnlyList<int> shape, ReadOnlySpan<double> weights)
    {
        var names = CheckVariables(variables);
        CheckShape(names, shape, weights.Length);
        Preconditions.CheckWeights(weights, nameof(weights));
        return new JointDistribution(names, NumberedLevels(shape), Scaled(weights.ToArray()), null);
    }

    /// <summary>A joint distribution from counts over the grid of the variables' levels (the counts stay available to estimators).</summary>
    /// <param name="variables">Distinct, non-empty names, one per axis.</param>
    /// <param name="shape">The number of levels of each variable (each ≥ 1).</param>
    /// <param name="counts">Row-major counts, non-negative, not all zero; length the product of the shape.</param>
    /// <exception cref="InvalidArgumentException">As for <see cref="FromTable"/>, or a count is negative.</exception>
    public static JointDistribution FromCounts(IReadOnlyList<string> variables, IReadOnlyList<int> shape, ReadOnlySpan<long> counts)
    {
        var names = CheckVariables(variables);
        CheckShape(names, shape, counts.Length);
        bool any = false;
        for (int i = 0; i < counts.Length; i++)
        {
            if (counts[i] < 0)
                throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture, $"counts[{i}] = {counts[i]} is negative: counts must be ≥ 0."), nameof(counts));
            any |= counts[i] > 0;
        }
        if (!any) throw new InvalidArgumentException("counts are all zero: at least one cell must be observed.", nameof(counts));
        var weights = new double[counts.Length];
        for (int i = 0; i < counts.Length; i++) weights[i] = counts[i];
        return new JointDistribution(names, NumberedLevels(shape), weights, counts.ToArray());
    }

    /// <summary>
    /// A joint distribution of the empirical frequencies of rows of samples: one value per variable per row, each distinct
    /// value a level (in order of first appearance, compared ordinally).
    /// </summary>
    /// <param name="variables">Distinct, non-empty names, one per column.</param>
    /// <param name="rows">The observations: each row has one value per variable.</param>
    /// <exception cref="InvalidArgumentException">A name is empty or repeated, there are no rows, a row has the wrong number of values, or a value is null.</exception>
    /// <exception cref="InvalidArgumentException">The grid of levels has more than 2³¹ − 1 cells.</exception>
    public static JointDistribution FromSamples(IReadOnlyList<string> variables, IEnumerable<IReadOnlyList<string>> rows)
    {
        var names = CheckVariables(variables);
        ArgumentNullException.ThrowIfNull(rows);
        int k = names.Length;
        var indices = new Dictionary<string, int>[k];
        var levels = new List<string>[k];
        for (int j = 0; j < k; j++)
        {
            indices[j] = new Dictionary<string, int>(StringComparer.Ordinal);
            levels[j] = [];
        }
        var coded = new List<int[]>();
        foreach (var row in rows)
        {
            if (row is null || row.Count != k)
                throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"row {coded.Count} has {row?.Count ?? 0} values for {k} variables: every row needs one value per variable."), nameof(rows));
            var code = new int[k];
            for (int j = 0; j < k; j++)
            {
                string value = row[j] ?? throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture, $"row {coded.Count}, variable {names[j]}: the value is null."), nameof(rows));
                if (!indices[j].TryGetValue(value, out int level))
                {
                    level = levels[j].Count;
                    indices[j].Add(value, level);
                    levels[j].Add(value);
                }
                code[j] = level;
            }
            coded.Add(code);
        }
        if (coded.Count == 0) throw new InvalidArgumentException("rows is empty: at least one observation is needed.", nameof(rows));
        long cells = 1;
        foreach (var l in levels)
        {
            cells *= l.Count;
            if (cells > int.MaxValue)
                throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture, $"the grid of levels has more than {int.MaxValue} cells: too many distinct values for a table."), nameof(rows));
        }
        var counts = new long[cells];
        foreach (var code in coded)
        {
            int flat = 0;
            for (int j = 0; j < k; j++) flat = flat * levels[j].Count + code[j];
            counts[flat]++;
        }
        var weights = new double[counts.Length];
        for (int i = 0; i < counts.Length; i++) weights[i] = counts[i];
        return new JointDistribution(names, [.. levels.Select(l => l.ToImmutableArray())], weights, counts);
    }

    /// <summary>The position of a variable among <see cref="Variables"/>.</summary>
    /// <exception cref="InvalidArgumentException">No variable has that name.</exception>
    public int IndexOf(string variable)
    {
        int index = Variables.IndexOf(variable);
        if (index < 0)
            throw new InvalidArgumentException($"there is no variable '{variable}': the variables are {string.Join(", ", Variables)}.", nameof(variable));
        return index;
    }

    /// <summary>The joint distribution of some of the variables (in the order given), the others summed out exactly.</summary>
    /// <param name="variables">Distinct names among <see cref="Variables"/>, at least one.</param>
    /// <exception cref="InvalidArgumentException">A name is unknown or repeated, or none is given.</exception>
    public JointDistribution Marginal(params string[] variables)
    {
        var axes = Axes(variables, nameof(variables), allowEmpty: false);
        var levels = axes.Select(a => Levels[a]).ToImmutableArray();
        var names = axes.Select(a => Variables[a]).ToImmutableArray();
        if (_counts is not null) return new JointDistribution(names, levels, ToDoubles(SumCounts(axes)), SumCounts(axes));
        var sums = Sums(axes);
        var weights = new double[sums.Length];
        for (int i = 0; i < sums.Length; i++) weights[i] = sums[i].Value;
        return new JointDistribution(names, levels, weights, null);
    }

    /// <summary>The distribution of the other variables given that <paramref name="variable"/> takes the level <paramref name="level"/> (a slice of the table).</summary>
    /// <param name="variable">The conditioning variable.</param>
    /// <param name="level">The level's label (as in <see cref="Levels"/>).</param>
    /// <exception cref="InvalidArgumentException">The variable or level is unknown, it is the only variable, or the level has probability 0.</exception>
    public JointDistribution Condition(string variable, string level)
    {
        int axis = IndexOf(variable);
        int index = Levels[axis].IndexOf(level);
        if (index < 0)
            throw new InvalidArgumentException($"'{level}' is not a level of {variable}: its levels are {string.Join(", ", Levels[axis])}.", nameof(level));
        if (Variables.Length == 1)
            throw new InvalidArgumentException($"{variable} is the only variable: conditioning on it leaves nothing.", nameof(variable));
        int outer = 1, inner = _strides[axis], size = Shape[axis];
        for (int k = 0; k < axis; k++) outer *= Shape[k];
        var weights = new double[outer * inner];
        var counts = _counts is null ? null : new long[outer * inner];
        bool any = false;
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
            {
                int from = (o * size + index) * inner + i, to = o * inner + i;
                weights[to] = _weights[from];
                if (counts is not null) counts[to] = _counts![from];
                any |= weights[to] > 0;
            }
        if (!any)
            throw new InvalidArgumentException($"{variable} = {level} has probability 0: the conditional distribution is undefined.", nameof(level));
        var names = Variables.RemoveAt(axis);
        var levels = Levels.RemoveAt(axis);
        return new JointDistribution(names, levels, weights, counts);
    }

    /// <summary>
    /// The counts of two variables (the others summed out) as a row-major rows × columns table: what estimators from counts
    /// take as <c>(ReadOnlySpan&lt;long&gt; counts, int rows, int columns)</c>.
    /// </summary>
    /// <param name="rowVariable">The variable of the rows.</param>
    /// <param name="columnVariable">The variable of the columns (another one).</param>
    /// <exception cref="InvalidArgumentException">The table was built from probabilities or weights, not counts; or a name is unknown, or both are the same.</exception>
    public ContingencyTable ContingencyTable(string rowVariable, string columnVariable)
    {
        if (_counts is null)
            throw new InvalidArgumentException("this joint distribution was built from probabilities or weights, not counts: build it with FromCounts or FromSamples.", nameof(rowVariable));
        var axes = Axes([rowVariable, columnVariable], nameof(columnVariable), allowEmpty: false);
        return new ContingencyTable(SumCounts(axes), Shape[axes[0]], Shape[axes[1]]);
    }

    /// <summary>The variables' names and the shape, such as "X[2] × Y[3]".</summary>
    public override string ToString() =>
        string.Join(" × ", Variables.Select((v, k) => string.Create(CultureInfo.InvariantCulture, $"{v}[{Shape[k]}]")));

    /// <summary>The positions of named variables, checked (distinct, known).</summary>
    internal int[] Axes(IReadOnlyList<string> variables, string parameter, bool allowEmpty)
    {
        ArgumentNullException.ThrowIfNull(variables, parameter);
        if (variables.Count == 0 && !allowEmpty)
            throw new InvalidArgumentException("no variable is named: give at least one.", parameter);
        var axes = new int[variables.Count];
        for (int i = 0; i < axes.Length; i++)
        {
            axes[i] = IndexOf(variables[i]);
            if (Array.IndexOf(axes, axes[i], 0, i) >= 0)
                throw new InvalidArgumentException($"{variables[i]} is named twice.", parameter);
        }
        return axes;
    }

    /// <summary>The cell's sub-index over some axes (row-major in their order).</summary>
    internal int SubIndex(int flat, ReadOnlySpan<int> axes)
    {
        int sub = 0;
        foreach (int a in axes) sub = sub * Shape[a] + flat / _strides[a] % Shape[a];
        return sub;
    }

    /// <summary>The number of cells of the sub-grid over some axes.</summary>
    internal int SubGridSize(ReadOnlySpan<int> axes)
    {
        int size = 1;
        foreach (int a in axes) size *= Shape[a];
        return size;
    }

    /// <summary>The weights summed over every axis but the given ones, in double-double (the empty set of axes: the total).</summary>
    internal DoubleDouble[] Sums(ReadOnlySpan<int> axes)
    {
        var sums = new DoubleDouble[SubGridSize(axes)];
        for (int i = 0; i < _weights.Length; i++)
            if (_weights[i] > 0) sums[SubIndex(i, axes)] += _weights[i];
        return sums;
    }

    private long[] SumCounts(ReadOnlySpan<int> axes)
    {
        var sums = new long[SubGridSize(axes)];
        for (int i = 0; i < _counts!.Length; i++)
        {
            int sub = SubIndex(i, axes);
            sums[sub] = checked(sums[sub] + _counts[i]);
        }
        return sums;
    }

    private static double[] ToDoubles(long[] counts) => [.. counts.Select(c => (double)c)];

    /// <summary>
    /// Weights far from 1 are scaled by a power of 2 to bring the largest near 1 (exact unless an entry more than 10³⁰⁰ below
    /// it falls under the doubles), so that products of their sums neither overflow nor underflow.
    /// </summary>
    private static double[] Scaled(double[] weights)
    {
        double max = weights.Max();
        if (Math.ILogB(max) is > -400 and < 400) return weights;
        int shift = -Math.ILogB(max);
        for (int i = 0; i < weights.Length; i++) weights[i] = Math.ScaleB(weights[i], shift);
        return weights;
    }

    private static ImmutableArray<string> CheckVariables(IReadOnlyList<string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        if (variables.Count == 0) throw new InvalidArgumentException("variables is empty: a joint distribution needs at least one variable.", nameof(variables));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in variables)
        {
            if (string.IsNullOrEmpty(v)) throw new InvalidArgumentException("a variable's name is empty.", nameof(variables));
            if (!seen.Add(v)) throw new InvalidArgumentException($"the variable name '{v}' appears twice.", nameof(variables));
        }
        return [.. variables];
    }

    private static void CheckShape(ImmutableArray<string> variables, IReadOnlyList<int> shape, int length)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Count != variables.Length)
            throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture, $"shape has {shape.Count} entries for {variables.Length} variables: give each variable's number of levels."), nameof(shape));
        long cells = 1;
        foreach (int s in shape)
        {
            if (s < 1) throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture, $"shape has {s} levels for a variable: each needs at least 1."), nameof(shape));
            cells *= s;
            if (cells > int.MaxValue) break;
        }
        if (cells != length)
            throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture, $"the shape {string.Join(" × ", shape)} has {cells} cells but {length} values were given."), nameof(shape));
    }

    private static ImmutableArray<ImmutableArray<string>> NumberedLevels(IReadOnlyList<int> shape) =>
        [.. shape.Select(s => Enumerable.Range(0, s).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToImmutableArray())];
}
