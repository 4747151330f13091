using Kullback.Analysis;
using Kullback.Continuous;

namespace Kullback.Cookbook.Tests.Recipes;

/// <summary>docs/cookbook/kl-between-two-gaussians.md: the closed form, checked by quadrature, from the tool and from C#.</summary>
[Collection(CookbookGroup.Name)]
public class KlBetweenTwoGaussians
{
    // D(N(0,1) ‖ N(1,2²)) = ln 2 + (1 + 1)/(2·4) − 1/2 = ln 2 − 1/4, and the reverse 2 − ln 2 (mpmath, 34 digits).
    private const double Forward = 0.4431471805599453094172321214581766;
    private const double Reverse = 1.306852819440054690582767878541823;

    [Fact]
    public void Recipe()
    {
        using var shell = new Shell();
        var (code, _) = shell.Run("kullback continuous --p 'normal(0,1)' --q 'normal(1,2)'");
        Assert.Equal(0, code);
        var (_, json) = shell.Run("kullback continuous --p 'normal(0,1)' --q 'normal(1,2)' --json");
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(Forward, document.RootElement.GetProperty("kl_pq").GetDouble(), 1e-15);
        Assert.Equal(Reverse, document.RootElement.GetProperty("kl_qp").GetDouble(), 1e-15);

        var printed = new StringWriter();
        var console = Console.Out;
        Console.SetOut(printed);
        try
        {
            // recipe: csharp
            var p = DistributionSpec.Parse("normal(0,1)");
            var q = DistributionSpec.Parse("normal(1,2)");
            ContinuousComparison result = ContinuousAnalysis.Run(p, q);

            // The closed form, and adaptive Gauss–Kronrod quadrature of ∫ p log(p/q) as an independent check.
            Console.WriteLine($"D(P‖Q) closed form: {result.Forward.ClosedForm}");
            Console.WriteLine($"D(P‖Q) quadrature:  {result.Forward.Numerical}");
            Console.WriteLine($"D(Q‖P) closed form: {result.Reverse.ClosedForm}");
            Console.WriteLine($"H(P) = {result.EntropyP?.ToString(InformationUnit.Bits)}");
            // end recipe
            Assert.Equal(Forward, result.Forward.ClosedForm!.Value.Nats, 1e-15);
            Assert.Equal(Forward, result.Forward.Numerical!.Value.Nats, 1e-10);
            Assert.Equal(Reverse, result.Reverse.ClosedForm!.Value.Nats, 1e-15);
        }
        finally
        {
            Console.SetOut(console);
        }

        Cookbook.Page("kl-between-two-gaussians", new Dictionary<string, string>
        {
            ["shell"] = Cookbook.Fenced("console", shell.Transcript.Split("$ kullback continuous --p 'normal(0,1)' --q 'normal(1,2)' --json")[0]),
            ["csharp"] = Cookbook.Fenced("csharp", Cookbook.Code("csharp")),
            ["csharp-output"] = Cookbook.Fenced("text", printed.ToString()),
        });
    }
}
