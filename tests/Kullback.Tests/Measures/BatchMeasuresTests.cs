namespace Kullback.Tests;

/// <summary>Batched divergences against the one-at-a-time measures.</summary>
public class BatchMeasuresTests
{
    private static double[] Matrix(int rows, int columns, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, rows * columns).Select(_ => rng.NextDouble() + 1e-3).ToArray();
    }

    private static double[] Row(double[] m, int columns, int i) => m.AsSpan(i * columns, columns).ToArray();

    [Theory]
    [InlineData(7, 13)]
    [InlineData(600, 200)]   // large enough to run on several cores
    public void Rows_one_to_many_and_the_full_matrix_equal_the_single_measure(int rows, int columns)
    {
        double[] p = Matrix(rows, columns, 1), q = Matrix(rows, columns, 2);
        var rowWise = new double[rows];
        BatchMeasures.KullbackLeiblerRows(p, q, columns, rowWise, InformationUnit.Bits);
        for (int i = 0; i < rows; i++)
            Assert.Equal(Measures.KullbackLeibler(Row(p, columns, i), Row(q, columns, i), InformationUnit.Bits), rowWise[i], 1e-14);

        var reference = Row(p, columns, 0);
        var oneToMany = new double[rows];
        BatchMeasures.KullbackLeiblerOneToMany(reference, q, oneToMany);
        for (int i = 0; i < rows; i += 7)
            Assert.Equal(Measures.KullbackLeibler(reference, Row(q, columns, i)), oneToMany[i], 1e-14);

        int n = Math.Min(rows, 40), m = Math.Min(rows, 30);
        var matrix = new double[n * m];
        BatchMeasures.KullbackLeiblerMatrix(p.AsSpan(0, n * columns), q.AsSpan(0, m * columns), columns, matrix);
        for (int i = 0; i < n; i += 3)
            for (int j = 0; j < m; j += 5)
                Assert.Equal(Measures.KullbackLeibler(Row(p, columns, i), Row(q, columns, j)), matrix[i * m + j], 1e-14);
    }

    [Fact]
    public void Logits_give_the_divergence_of_their_softmaxes()
    {
        const int rows = 50, columns = 10;
        var rng = new Random(4);
        double[] a = Enumerable.Range(0, rows * columns).Select(_ => 4 * rng.NextDouble() - 2).ToArray();
        double[] b = Enumerable.Range(0, rows * columns).Select(_ => 4 * rng.NextDouble() - 2 + 500).ToArray();   // a shift changes nothing
        var d = new double[rows];
        BatchMeasures.KullbackLeiblerFromLogits(a, b, columns, d);
        for (int i = 0; i < rows; i++)
        {
            double[] p = Row(a, columns, i).Select(Math.Exp).ToArray(), q = Row(b, columns, i).Select(x => Math.Exp(x - 500)).ToArray();
            Assert.Equal(Measures.KullbackLeibler(p, q), d[i], 1e-12);
        }
        // Logits far beyond exp's range are fine (the log-softmax is taken stably).
        var big = new double[1];
        BatchMeasures.KullbackLeiblerFromLogits([1000.0, 0.0], [0.0, 1000.0], 2, big);
        Assert.Equal(1000.0, big[0], 1e-9);
        // −∞ is a probability of 0.
        BatchMeasures.KullbackLeiblerFromLogits([0.0, double.NegativeInfinity], [0.0, 0.0], 2, big);
        Assert.Equal(Math.Log(2), big[0], 1e-15);
        BatchMeasures.KullbackLeiblerFromLogits([0.0, 0.0], [0.0, double.NegativeInfinity], 2, big);
        Assert.Equal(double.PositiveInfinity, big[0]);
        // Identical logits: exactly 0.
        BatchMeasures.KullbackLeiblerFromLogits([0.3, -1.2, 2.0], [0.3, -1.2, 2.0], 3, big);
        Assert.Equal(0.0, big[0]);
    }

    [Fact]
    public void Errors_name_the_row()
    {
        double[] p = Matrix(4, 3, 1), q = Matrix(4, 3, 2);
        p[7] = double.NaN;   // row 2, column 1
        var e = Assert.Throws<InvalidArgumentException>(() => BatchMeasures.KullbackLeiblerRows(p, q, 3, new double[4]));
        Assert.Contains("Row 2", e.Message);
        Assert.Contains("p[1] = NaN", e.Message);
        Assert.Contains("not a whole", Assert.Throws<InvalidArgumentException>(() => BatchMeasures.KullbackLeiblerRows(p.AsSpan(0, 11), q.AsSpan(0, 11), 3, new double[4])).Message);
        Assert.Throws<InvalidArgumentException>(() => BatchMeasures.KullbackLeiblerRows(Matrix(4, 3, 1), Matrix(4, 3, 2), 3, new double[3]));
        Assert.Contains("column 1", Assert.Throws<InvalidArgumentException>(() =>
            BatchMeasures.KullbackLeiblerFromLogits([0.0, double.NaN], [0.0, 0.0], 2, new double[1])).Message);
    }
}
