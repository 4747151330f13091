using System.Text.Json;

namespace Kullback.Cli.Tests.Hostile;

/// <summary>The real executable under German and Turkish locales: every number read and written has a decimal point.</summary>
public class HostileLocaleTests
{
    [Theory]
    [InlineData("de_DE.UTF-8")]
    [InlineData("tr_TR.UTF-8")]
    public void Numbers_read_and_written_do_not_follow_the_locale(string locale)
    {
        using var dir = new TempDirectory();
        dir.File("worms.txt", "0.02 0.03 0.05 0.14 0.16 0.15 0.12 0.08 0.10 0.08 0.07\n");
        string env = $"LANG={locale} LC_ALL={locale} DOTNET_SYSTEM_GLOBALIZATION_PREDEFINED_CULTURES_ONLY=false";
        var sweep = RealProcess.Bash($"{env} \"$K\" sweep worms.txt --family binomial --param p --from 0.5 --to 0.6 --steps 11 --json --out charts", dir.Path);
        Assert.True(sweep.ExitCode == 0, sweep.Error);
        var root = JsonDocument.Parse(sweep.Out).RootElement;
        Assert.Equal(0.5, root.GetProperty("values")[0].GetDouble());
        Assert.Equal(0.6, root.GetProperty("values")[10].GetDouble(), 1e-15);
        var table = RealProcess.Bash($"{env} \"$K\" measure worms.txt worms.txt --base 2", dir.Path);
        Assert.True(table.ExitCode == 0, table.Error);
        Assert.Contains("3.2622444775", table.Out, StringComparison.Ordinal);   // H(P) in bits, with a point
        Assert.DoesNotContain("3,2622", table.Out, StringComparison.Ordinal);
        dir.File("comma.txt", "0,5 0,5\n");
        var comma = RealProcess.Bash($"{env} \"$K\" measure comma.txt comma.txt --counts", dir.Path);
        Assert.Equal(2, comma.ExitCode);
        Assert.Contains("decimal comma", comma.Error, StringComparison.Ordinal);
    }
}
