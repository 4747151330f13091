using Kullback.Continuous;
using MathNet.Numerics.Distributions;

namespace Kullback.Cookbook.Tests.Recipes;

/// <summary>docs/cookbook/estimate-kl-from-samples.md: the k-nearest-neighbour estimator against a known answer.</summary>
[Collection(CookbookGroup.Name)]
public class EstimateKlFromSamples
{
    // D(N(0,1) ‖ N(1,2²)) = ln 2 − 1/4 (mpmath, 34 digits): what the estimate should approach.
    private const double Truth = 0.4431471805599453094172321214581766;

    [Fact]
    public void Recipe()
    {
        var printed = new StringWriter();
        var console = Console.Out;
        Console.SetOut(printed);
        double estimate, entropy;
        try
        {
            // recipe: csharp
            // 20,000 draws from P = N(0, 1) and from Q = N(1, 2²), seeded so the page is reproducible.
            var random = new Random(2024);
            double[][] x = [.. Normal.Samples(random, 0, 1).Take(20_000).Select(v => new[] { v })];
            double[][] y = [.. Normal.Samples(random, 1, 2).Take(20_000).Select(v => new[] { v })];

            // Wang–Kulkarni–Verdú (2009): D̂(P‖Q) from distances to the k-th nearest neighbours, in nats.
            estimate = NearestNeighbourEstimators.KullbackLeibler(x, y, k: 5);
            // Kozachenko–Leonenko: the differential entropy of P, in nats (exact: ½ ln(2πe) = 1.4189).
            entropy = NearestNeighbourEstimators.Entropy(x, k: 5);

            Console.WriteLine(FormattableString.Invariant($"D̂(P‖Q) = {estimate:F4} nats (exact: ln 2 − 1/4 = 0.4431)"));
            Console.WriteLine(FormattableString.Invariant($"Ĥ(P) = {entropy:F4} nats"));
            // end recipe
        }
        finally
        {
            Console.SetOut(console);
        }
        // A consistent estimator: with 20,000 points it lands within a few hundredths of the truth.
        Assert.InRange(estimate, Truth - 0.03, Truth + 0.03);
        Assert.InRange(entropy, 1.4189385332046727 - 0.03, 1.4189385332046727 + 0.03);

        using var shell = new Shell();
        File.WriteAllLines(shell.PathOf("p.csv"), ["x", .. Normal.Samples(new Random(1), 0, 1).Take(5_000).Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))]);
        File.WriteAllLines(shell.PathOf("q.csv"), ["x", .. Normal.Samples(new Random(2), 1, 2).Take(5_000).Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))]);
        var (code, _) = shell.Run("kullback estimate p.csv q.csv --k 5");
        Assert.Equal(0, code);

        Cookbook.Page("estimate-kl-from-samples", new Dictionary<string, string>
        {
            ["csharp"] = Cookbook.Fenced("csharp", Cookbook.Code("csharp")),
            ["csharp-output"] = Cookbook.Fenced("text", printed.ToString()),
            ["shell"] = Cookbook.Fenced("console", shell.Transcript),
        });
    }
}
