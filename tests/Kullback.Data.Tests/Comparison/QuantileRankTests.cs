using CsCheck;
using Kullback.Comparison;
using Kullback.Data.Comparison;
using Kullback.Data.Engines;

namespace Kullback.Data.Tests.Comparison;

/// <summary>
/// The ranks behind the engines' quantiles: p = i/k (a rounded double) gives the exact ⌈i·n/k⌉, and the probability
/// (r − ½)/n sent to an engine lands on rank r under each engine's own floating-point rule.
/// </summary>
public sealed class QuantileRankTests
{
    [Fact]
    public void The_case_PostgreSQL_got_wrong_gives_the_exact_rank()
    {
        double p = 7.0 / 200;
        Assert.Equal(106L, (long)Math.Ceiling(p * 3000));   // what percentile_disc computes: one rank too far
        Assert.Equal(105L, SourceScan.TypeOneRank(p, 3000));
        Assert.Equal(105L, SourceScan.TypeOneRank(7, 200, 3000));
    }

    [Fact]
    public void Ranks_are_exact_for_every_probability_of_a_binning()
    {
        Gen.Select(Gen.Long[1, 20_000_000], Gen.Int[1, 100_000]).Sample((n, k) =>
        {
            double[] p = NumericBinning.QuantileProbabilities(k);
            for (int i = 0; i <= k; i += Math.Max(1, k / 97))
            {
                long exact = Math.Max(1, (long)(((Int128)i * n + k - 1) / k));
                if (SourceScan.TypeOneRank(p[i], n) != exact || SourceScan.TypeOneRank(i, k, n) != exact) return false;
            }
            return true;
        });
    }

    [Fact]
    public void Half_a_rank_lands_on_the_rank_under_every_engine_rule()
    {
        Gen.Long[1, 1L << 40].SelectMany(n => Gen.Select(Gen.Const(n), Gen.Long[1, n])).Sample((n, r) =>
        {
            var sql = new ScanQueries(SqlSpellings.PostgreSql, _ => "FROM t");
            string statement = sql.ValuesAtRanks(new ColumnPlan("x", ColumnKind.Numeric, ColumnCategory.Real), [r], n);
            double p = (r - 0.5) / n;
            Assert.Contains(SqlSpellings.Number(p), statement, StringComparison.Ordinal);
            long postgres = (long)Math.Ceiling(p * n);               // percentile_disc: ⌈p·n⌉
            long duckDb = n - (long)Math.Floor(n - p * n);           // quantile_disc: n − ⌊n − p·n⌋
            long clickHouse = (long)Math.Ceiling(n * p);             // quantileExactWeighted: first cumulative weight ≥ ⌈n·p⌉
            return postgres == r && duckDb == r && clickHouse == r;
        });
    }

    [Fact]
    public void A_rank_outside_the_values_is_refused()
    {
        var sql = new ScanQueries(SqlSpellings.DuckDb, _ => "FROM t");
        var plan = new ColumnPlan("x", ColumnKind.Numeric, ColumnCategory.Real);
        Assert.Throws<InvalidArgumentException>(() => sql.ValuesAtRanks(plan, [0], 5));
        Assert.Throws<InvalidArgumentException>(() => sql.ValuesAtRanks(plan, [6], 5));
        Assert.Throws<InvalidArgumentException>(() => sql.ValuesAtRanks(plan, [1], 0));
    }

    [Fact]
    public void A_ClickHouse_password_file_may_be_a_pgpass_file()
    {
        Assert.Equal(["127.0.0.1", "8123", "*", "reader", "pa:ss\\"], ClickHouseEngine.PgPassFields("127.0.0.1:8123:*:reader:pa\\:ss\\\\")!);
        Assert.Null(ClickHouseEngine.PgPassFields("just-a-password"));
        Assert.Null(ClickHouseEngine.PgPassFields("a:b:c"));
    }
}
