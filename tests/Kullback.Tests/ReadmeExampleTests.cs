using Kullback.Fitting;

namespace Kullback.Tests;

/// <summary>The README's library example runs, gives the numbers the README states, and is quoted verbatim.</summary>
public class ReadmeExampleTests
{
    // The README's example, exactly (checked below): keep the two in step.
    private const string Example = """
        double[] teeth = [0.02, 0.03, 0.05, 0.14, 0.16, 0.15, 0.12, 0.08, 0.10, 0.08, 0.07];
        double[] uniform = Enumerable.Repeat(1.0 / 11, 11).ToArray();

        double entropy = Measures.Entropy(teeth, InformationUnit.Bits);    // 3.262 bits
        double lost = Measures.KullbackLeibler(teeth, uniform);            // D(P‖U) = 0.1367 nats
        double reverse = Measures.KullbackLeibler(uniform, teeth);         // D(U‖P) = 0.1697 nats: not symmetric

        // Which simple model should stand in for the data, and what does it lose? Results carry their units.
        var report = ModelFitter.Fit(DiscreteDistribution.FromProbabilities(teeth));
        ModelFit best = report.Best!;                                      // discretized_normal(mu = 5.62504, sigma = 2.9951)
        double bits = best.DataToModel.Bits;                               // D(P‖Q) = 0.0514 bits

        // Distributions over integers or labels are aligned on the union of their supports.
        var p = DiscreteDistribution.FromCounts([Outcome.Of("a"), Outcome.Of("b"), Outcome.Of("c")], [5, 3, 2]);
        var q = DiscreteDistribution.FromProbabilities([Outcome.Of("a"), Outcome.Of("b")], [0.5, 0.5]);
        var breakdown = Measures.KullbackLeiblerBreakdown(p, q);
        // breakdown.Value is +∞ and breakdown.InfiniteAt is [c]: q gives probability 0 to an outcome p produces.
        """;

    [Fact]
    public void The_example_gives_what_its_comments_say()
    {
        double[] teeth = [0.02, 0.03, 0.05, 0.14, 0.16, 0.15, 0.12, 0.08, 0.10, 0.08, 0.07];
        double[] uniform = Enumerable.Repeat(1.0 / 11, 11).ToArray();

        double entropy = Measures.Entropy(teeth, InformationUnit.Bits);    // 3.262 bits
        double lost = Measures.KullbackLeibler(teeth, uniform);            // D(P‖U) = 0.1367 nats
        double reverse = Measures.KullbackLeibler(uniform, teeth);         // D(U‖P) = 0.1697 nats: not symmetric

        // Which simple model should stand in for the data, and what does it lose? Results carry their units.
        var report = ModelFitter.Fit(DiscreteDistribution.FromProbabilities(teeth));
        ModelFit best = report.Best!;                                      // discretized_normal(mu = 5.62504, sigma = 2.9951)
        double bits = best.DataToModel.Bits;                               // D(P‖Q) = 0.0514 bits

        // Distributions over integers or labels are aligned on the union of their supports.
        var p = DiscreteDistribution.FromCounts([Outcome.Of("a"), Outcome.Of("b"), Outcome.Of("c")], [5, 3, 2]);
        var q = DiscreteDistribution.FromProbabilities([Outcome.Of("a"), Outcome.Of("b")], [0.5, 0.5]);
        var breakdown = Measures.KullbackLeiblerBreakdown(p, q);
        // breakdown.Value is +∞ and breakdown.InfiniteAt is [c]: q gives probability 0 to an outcome p produces.

        Assert.Equal(3.262, entropy, 3);
        Assert.Equal(0.1367, lost, 4);
        Assert.Equal(0.1697, reverse, 4);
        Assert.Equal("discretized_normal(mu = 5.62504, sigma = 2.9951)", best.Model.ToString());
        Assert.Equal(0.0514, bits, 4);
        Assert.True(breakdown.Value.IsInfinite);
        Assert.Equal([Outcome.Of("c")], breakdown.InfiniteAt.ToArray());
    }

    [Fact]
    public void The_readme_quotes_the_example_verbatim()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")).ReplaceLineEndings("\n");
        Assert.Contains(Example.ReplaceLineEndings("\n"), readme);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kullback.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Kullback.slnx not found above " + AppContext.BaseDirectory);
    }
}
