using System.Globalization;
using System.Text.Json;
using Kullback.Kernels;

namespace Kullback.Tests;

/// <summary>
/// Every batch form, in double and in float, against the single-vector measure at every row width (each vector tail,
/// one row to several), the product form of the matrix against the pairs it must refuse, and the logits path against
/// 60-digit mpmath values (Data/logits-cases.json, from tests/reference/make_logits_cases.py) at every vector width.
/// </summary>
public class BatchFormsTests
{
    public static TheoryData<int> Widths => [.. Enumerable.Range(1, 40), 63, 100, 129, 1000];

    private static double[] Matrix(Random rng, int rows, int columns) =>
        Enumerable.Range(0, rows * columns).Select(_ => rng.NextDouble() + 1e-3).ToArray();

    private static float[] Single(double[] x) => Array.ConvertAll(x, v => (float)v);

    private static void Close(double expected, double actual, string what)
    {
        if (double.IsPositiveInfinity(expected) || expected == 0) Assert.True(expected == actual, $"{what}: {actual}, expected {expected}");
        else Assert.True(Math.Abs(actual - expected) <= 1e-12 * expected, $"{what}: {actual:R}, expected {expected:R}");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Rows_and_one_to_many_equal_the_single_measure_in_double_and_float(int columns)
    {
        var rng = new Random(columns);
        int rows = 70;   // 70·1000 elements run on several cores
        double[] p = Matrix(rng, rows, columns), q = Matrix(rng, rows, columns);
        if (columns > 1)
        {
            p[3 * columns] = 0;         // row 3: a zero in p adds nothing
            q[5 * columns] = 0;         // row 5: a zero in q under p > 0 makes D infinite
        }
        float[] pf = Single(p), qf = Single(q);
        var d = new double[rows];
        var f = new double[rows];
        BatchMeasures.KullbackLeiblerRows(p, q, columns, d, InformationUnit.Bits);
        BatchMeasures.KullbackLeiblerRows(pf, qf, columns, f, InformationUnit.Bits);
        for (int i = 0; i < rows; i++)
        {
            Close(Measures.KullbackLeibler(p.AsSpan(i * columns, columns), q.AsSpan(i * columns, columns), InformationUnit.Bits), d[i], $"rows, row {i}");
            Close(Measures.KullbackLeibler(pf.AsSpan(i * columns, columns), qf.AsSpan(i * columns, columns), InformationUnit.Bits), f[i], $"float rows, row {i}");
        }
        if (columns > 1) Assert.Equal(double.PositiveInfinity, d[5]);

        BatchMeasures.KullbackLeiblerOneToMany(p.AsSpan(0, columns), q, d);
        BatchMeasures.KullbackLeiblerOneToMany(pf.AsSpan(0, columns), qf, f);
        for (int i = 0; i < rows; i++)
        {
            Close(Measures.KullbackLeibler(p.AsSpan(0, columns), q.AsSpan(i * columns, columns)), d[i], $"one-to-many, row {i}");
            Close(Measures.KullbackLeibler(pf.AsSpan(0, columns), qf.AsSpan(i * columns, columns)), f[i], $"float one-to-many, row {i}");
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void The_matrix_equals_the_single_measure_for_every_pair_in_double_and_float(int columns)
    {
        var rng = new Random(100 + columns);
        const int n = 7, m = 9;
        double[] p = Matrix(rng, n, columns), q = Matrix(rng, m, columns);
        if (columns > 1)
        {
            p[2 * columns] = 0;                                       // a zero in p
            q[4 * columns + columns / 2] = 0;                         // a zero in q: +∞ or the exact path
        }
        for (int k = 0; k < columns; k++)                             // q₆ ≈ p₁ and q₇ = p₃·1024: divergences the product form must refuse
        {
            q[6 * columns + k] = p[columns + k] * (1 + 1e-9 * (rng.NextDouble() - 0.5));
            q[7 * columns + k] = p[3 * columns + k] * 1024;
        }
        if (columns > 1) q[8 * columns] = 1e-300;                     // a weight far below the rest (0 as a float)
        float[] pf = Single(p), qf = Single(q);
        var d = new double[n * m];
        var f = new double[n * m];
        BatchMeasures.KullbackLeiblerMatrix(p, q, columns, d, InformationUnit.Bits);
        BatchMeasures.KullbackLeiblerMatrix(pf, qf, columns, f, InformationUnit.Bits);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
            {
                Close(Measures.KullbackLeibler(p.AsSpan(i * columns, columns), q.AsSpan(j * columns, columns), InformationUnit.Bits), d[i * m + j], $"matrix ({i}, {j})");
                Close(Measures.KullbackLeibler(pf.AsSpan(i * columns, columns), qf.AsSpan(j * columns, columns), InformationUnit.Bits), f[i * m + j], $"float matrix ({i}, {j})");
            }
        Assert.Equal(0.0, d[3 * m + 7]);   // p₃ against 1024·p₃: the same distribution, exactly 0
    }

    [Theory]
    [InlineData(nameof(VectorWidth.Bits512))]
    [InlineData(nameof(VectorWidth.Bits256))]
    [InlineData(nameof(VectorWidth.Bits128))]
    [InlineData(nameof(VectorWidth.Scalar))]
    public void The_product_form_takes_plain_pairs_and_leaves_the_rest_to_the_exact_path(string widthName)
    {
        var width = Enum.Parse<VectorWidth>(widthName);
        if (width == VectorWidth.Bits512 && !System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated) return;
        var rng = new Random(7);
        const int n = 6, m = 5, columns = 300;
        double[] p = Matrix(rng, n, columns), q = Matrix(rng, m, columns);
        p.AsSpan(0, columns).CopyTo(q.AsSpan(columns, columns));   // q₁ = p₀: D = 0
        q[3 * columns + 7] = 0;                                     // q₃ has a zero
        p[4 * columns + 2] = -1;                                    // p₄ is invalid
        var d = new double[n * m];
        KullbackLeiblerMatrixKernel.Run<double>(p, q, columns, d, 1, width);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
            {
                double value = d[i * m + j];
                bool refused = (i == 0 && j == 1) || j == 3 || i == 4;
                if (refused) Assert.True(double.IsNaN(value), $"({i}, {j}) should be refused, got {value}");
                else Close(Measures.KullbackLeibler(p.AsSpan(i * columns, columns), q.AsSpan(j * columns, columns)), value, $"product form ({i}, {j})");
            }
    }

    private sealed record LogitsCase(string Kind, double[] A, double[] B, double Expected);

    private static readonly LogitsCase[] LogitsCases = LoadLogits();

    private static LogitsCase[] LoadLogits()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "logits-cases.json")));
        static double Parse(string s) => s switch
        {
            "-inf" => double.NegativeInfinity,
            "inf" => double.PositiveInfinity,
            _ => double.Parse(s, CultureInfo.InvariantCulture),
        };
        return doc.RootElement.EnumerateArray().Select(c => new LogitsCase(
            c.GetProperty("kind").GetString()!,
            c.GetProperty("a").EnumerateArray().Select(e => Parse(e.GetString()!)).ToArray(),
            c.GetProperty("b").EnumerateArray().Select(e => Parse(e.GetString()!)).ToArray(),
            Parse(c.GetProperty("d").GetString()!))).ToArray();
    }

    [Theory]
    [InlineData(nameof(VectorWidth.Best))]
    [InlineData(nameof(VectorWidth.Bits512))]
    [InlineData(nameof(VectorWidth.Bits256))]
    [InlineData(nameof(VectorWidth.Bits128))]
    [InlineData(nameof(VectorWidth.Scalar))]
    public void Logits_match_mpmath_at_every_vector_width(string widthName)
    {
        var width = Enum.Parse<VectorWidth>(widthName);
        if (width == VectorWidth.Bits512 && !System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated) return;
        Assert.Equal(50, LogitsCases.Length);
        foreach (var c in LogitsCases)
        {
            var scratch = new double[LogitsKernel.ScratchLength(c.A.Length)];
            Assert.True(LogitsKernel.TryRow<double>(c.A, c.B, scratch, width, out double nats), c.Kind);
            Close(c.Expected, nats, $"{c.Kind}, {c.A.Length} columns, {width}");
        }
    }

    [Fact]
    public void Logits_rows_in_one_batch_match_mpmath_and_floats_compute_as_their_doubles()
    {
        foreach (var group in LogitsCases.GroupBy(c => c.A.Length))
        {
            int columns = group.Key;
            double[] a = [.. group.SelectMany(c => c.A)], b = [.. group.SelectMany(c => c.B)];
            var d = new double[group.Count()];
            BatchMeasures.KullbackLeiblerFromLogits(a, b, columns, d);
            int i = 0;
            foreach (var c in group) Close(c.Expected, d[i++], $"{c.Kind}, {columns} columns");

            float[] af = Single(a), bf = Single(b);
            var f = new double[d.Length];
            BatchMeasures.KullbackLeiblerFromLogits(af, bf, columns, f, InformationUnit.Bits);
            BatchMeasures.KullbackLeiblerFromLogits(Array.ConvertAll(af, x => (double)x), Array.ConvertAll(bf, x => (double)x), columns, d, InformationUnit.Bits);
            Assert.Equal(d, f);
        }
    }

    [Fact]
    public void A_large_logits_batch_on_several_cores_equals_its_rows_one_at_a_time()
    {
        var rng = new Random(3);
        const int rows = 300, columns = 517;
        double[] a = Enumerable.Range(0, rows * columns).Select(_ => 6 * rng.NextDouble() - 3).ToArray();
        double[] b = Enumerable.Range(0, rows * columns).Select(_ => 6 * rng.NextDouble() - 3).ToArray();
        var all = new double[rows];
        BatchMeasures.KullbackLeiblerFromLogits(a, b, columns, all);
        var one = new double[1];
        for (int i = 0; i < rows; i++)
        {
            BatchMeasures.KullbackLeiblerFromLogits(a.AsSpan(i * columns, columns), b.AsSpan(i * columns, columns), columns, one, maxDegreeOfParallelism: 1);
            Assert.Equal(one[0], all[i]);
            double[] p = a.AsSpan(i * columns, columns).ToArray().Select(Math.Exp).ToArray(), q = b.AsSpan(i * columns, columns).ToArray().Select(Math.Exp).ToArray();
            Close(Measures.KullbackLeibler(p, q), all[i], $"row {i}");
        }
    }

    [Fact]
    public void Invalid_logits_are_reported_with_row_and_column_in_float_too()
    {
        float[] a = [0, 1, 2, 3, 4, 5, 6, 7, 8, float.NaN], b = new float[10];
        var e = Assert.Throws<InvalidArgumentException>(() => BatchMeasures.KullbackLeiblerFromLogits(a, b, 5, new double[2]));
        Assert.Contains("row 1, column 4", e.Message);
        Assert.Equal("logitsP", e.ParamName);
        b[7] = float.PositiveInfinity;
        a[9] = 0;
        e = Assert.Throws<InvalidArgumentException>(() => BatchMeasures.KullbackLeiblerFromLogits(a, b, 5, new double[2]));
        Assert.Contains("logitsQ row 1, column 2", e.Message);
        double[] allMinusInfinity = [double.NegativeInfinity, double.NegativeInfinity];
        var rowError = Assert.Throws<InvalidArgumentException>(() => BatchMeasures.KullbackLeiblerRows([1.0, double.NaN], [1.0, 1.0], 2, new double[1]));
        Assert.StartsWith("Row 0: ", rowError.Reason);
        Assert.DoesNotContain("(Parameter", rowError.Reason);
        Assert.Contains("every logit", Assert.Throws<InvalidArgumentException>(() =>
            BatchMeasures.KullbackLeiblerFromLogits(allMinusInfinity, [0.0, 0.0], 2, new double[1])).Message);
    }
}
