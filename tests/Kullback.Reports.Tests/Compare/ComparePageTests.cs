using System.Text.RegularExpressions;
using Kullback.Reports.Tests.Cli;

namespace Kullback.Reports.Tests.Compare;

/// <summary>The compare report as a file: self-contained, carrying exactly the JSON --json prints, safe for any value.</summary>
public sealed partial class ComparePageTests(CompareReportFixture report) : IClassFixture<CompareReportFixture>
{
    [Fact]
    public void The_page_embeds_the_same_json_the_command_prints()
    {
        var match = DataScript().Match(report.Html);
        Assert.True(match.Success, "no data block");
        Assert.Equal(report.Json.Trim(), match.Groups[1].Value.Replace("\\u003c", "<", StringComparison.Ordinal).Trim());
    }

    [Fact]
    public void No_value_can_end_the_data_block_or_reach_the_page_as_markup()
    {
        Assert.DoesNotContain(CompareReportFixture.HostileName, report.Html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(report.Html, "</script>"));                 // the data block's and the script's own
        Assert.DoesNotContain("innerHTML", report.Html, StringComparison.Ordinal);      // text goes in through textContent only
        Assert.DoesNotContain("insertAdjacentHTML", report.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void It_needs_no_network()
    {
        Assert.DoesNotMatch("(src|href)\\s*=\\s*[\"']?(https?:)?//", report.Html);
        Assert.DoesNotContain("@import", report.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("fetch(", report.Html, StringComparison.Ordinal);
        Assert.InRange(report.Html.Length, 10_000, 200_000);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"schema\": \"kullback.profile/1\"}")]
    [InlineData("{\"schema\": ")]
    public void Anything_but_a_comparison_is_refused(string json) =>
        Assert.Contains("kullback.compare/1", Assert.Throws<InvalidArgumentException>(() => ComparePage.Render(json)).Message, StringComparison.Ordinal);

    [Fact]
    public void The_report_is_written_through_the_output_contract()
    {
        using var dir = new TemporaryDirectory();
        string mine = dir.File("mine.html", "my notes");
        CliRunner.Of("compare", report.ReportPath.Replace("report.html", "reference.csv", StringComparison.Ordinal),
                     report.ReportPath.Replace("report.html", "current.csv", StringComparison.Ordinal), "--report", mine)
            .AssertUsageError("--report", "was not written by kullback");
        Assert.Equal("my notes", File.ReadAllText(mine));
        CliRunner.Of("compare", "nope.csv", "nope.csv", "--report", Path.Combine(dir.Path, "missing", "r.html")).AssertUsageError("does not exist");
    }

    [GeneratedRegex("<script type=\"application/json\" id=\"comparison\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex DataScript();
}
