using System.Globalization;
using System.Text.Json;
using Kullback.Reports.Tests.Browser;
using Microsoft.Playwright;

namespace Kullback.Reports.Tests.Compare;

/// <summary>
/// The compare report in Debian's Chromium: what it shows is what the JSON says — the verdict, every column's numbers,
/// the sort, the filter, the bins of the column chosen — by mouse and by keyboard, with hostile names shown as text.
/// </summary>
[Collection(SharedChromium.Name)]
public sealed class CompareBrowserTests(ChromiumFixture chromium, CompareReportFixture report) : IClassFixture<CompareReportFixture>
{
    private JsonElement[] Columns => [.. report.Comparison.GetProperty("columns").EnumerateArray()];

    private async Task<(IPage Page, List<string> Errors)> OpenAsync(ViewportSize? viewport = null)
    {
        var errors = new List<string>();
        var page = await chromium.OpenAsync(report.ReportPath, errors, viewport);
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === '1'");
        return (page, errors);
    }

    private static async Task<string[]> ShownColumnsAsync(IPage page) =>
        [.. await page.Locator("#columns tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.column)")];

    private static double Psi(JsonElement column) => Number(column.GetProperty("measures").GetProperty("psi"));

    private static double Number(JsonElement e) => e.ValueKind == JsonValueKind.String ? double.PositiveInfinity : e.GetDouble();

    [Fact]
    public async Task It_opens_on_the_verdict_with_the_columns_worst_first()
    {
        var (page, errors) = await OpenAsync();
        string[] drifted = [.. Columns.Where(c => c.GetProperty("drift").GetBoolean()).Select(c => c.GetProperty("name").GetString()!)];
        Assert.Equal(["amount", "city"], drifted);      // a shifted mean, and a new city in one row of ten
        Assert.Equal("2 of 4 columns drifted: amount, city.", await page.Locator("#summary").TextContentAsync());
        string[] worstFirst = [.. Columns.OrderByDescending(Psi).Select(c => c.GetProperty("name").GetString()!)];
        Assert.Equal(worstFirst, await ShownColumnsAsync(page));
        Assert.Equal("descending", await page.Locator("#columns th[data-key=psi]").GetAttributeAsync("aria-sort"));
        // Each row's PSI is the JSON's, to the 4 digits shown.
        foreach (var column in Columns)
        {
            string name = column.GetProperty("name").GetString()!;
            var row = page.Locator($"#columns tbody tr").Filter(new LocatorFilterOptions { Has = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = name, Exact = true }) });
            string shown = (await row.Locator("td").Nth(3).TextContentAsync())!;
            Assert.Equal(Psi(column), double.Parse(shown, CultureInfo.InvariantCulture), Math.Abs(Psi(column)) * 1e-3);
        }
        Assert.Equal("amount (numeric, quantile bins)", await page.Locator("#detail-heading").TextContentAsync());
        Assert.Empty(errors);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Artifacts, "compare-report.png"), FullPage = true });
        await page.CloseAsync();
    }

    [Fact]
    public async Task Headers_sort_both_ways_and_the_keyboard_does_it_too()
    {
        var (page, errors) = await OpenAsync();
        string[] names = [.. Columns.Select(c => c.GetProperty("name").GetString()!)];
        await page.Locator("#columns th[data-key=name] button").ClickAsync();
        string[] byName = [.. names.OrderBy(n => n, StringComparer.Create(CultureInfo.GetCultureInfo("en-US"), ignoreCase: false))];
        Assert.Equal(byName, await ShownColumnsAsync(page));
        Assert.Equal("ascending", await page.Locator("#columns th[data-key=name]").GetAttributeAsync("aria-sort"));
        Assert.Null(await page.Locator("#columns th[data-key=psi]").GetAttributeAsync("aria-sort"));
        await page.Locator("#columns th[data-key=name] button").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("descending", await page.Locator("#columns th[data-key=name]").GetAttributeAsync("aria-sort"));
        await page.Locator("#columns th[data-key=p] button").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        double[] p = [.. Columns.Select(c => Number(c.GetProperty("test").GetProperty("p_adjusted")))];
        string[] byP = [.. Columns.Select((c, i) => (Name: c.GetProperty("name").GetString()!, P: p[i], I: i)).OrderByDescending(x => x.P).ThenBy(x => x.I).Select(x => x.Name)];
        Assert.Equal(byP, await ShownColumnsAsync(page));
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_filter_and_only_drifted_narrow_the_table()
    {
        var (page, errors) = await OpenAsync();
        await page.Locator("#filter").FillAsync("CO");
        Assert.Equal(new[] { "colour" }, await ShownColumnsAsync(page));
        Assert.Equal("Showing 1 of 4 columns.", await page.Locator("#shown").TextContentAsync());
        await page.Locator("#filter").FillAsync("");
        await page.Locator("#only-drift").CheckAsync();
        string[] drifted = [.. Columns.Where(c => c.GetProperty("drift").GetBoolean()).OrderByDescending(Psi).Select(c => c.GetProperty("name").GetString()!)];
        Assert.Equal(2, drifted.Length);
        Assert.Equal(drifted, await ShownColumnsAsync(page));
        await page.Locator("#filter").FillAsync("colour");
        Assert.Empty(await ShownColumnsAsync(page));
        Assert.Equal("Showing 0 of 4 columns.", await page.Locator("#shown").TextContentAsync());
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Choosing_a_column_shows_its_bins_counts_and_charts()
    {
        var (page, errors) = await OpenAsync();
        var city = Columns.Single(c => c.GetProperty("name").GetString() == "city");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "city", Exact = true }).ClickAsync();
        Assert.Equal("city (categorical)", await page.Locator("#detail-heading").TextContentAsync());
        var bins = city.GetProperty("bins").EnumerateArray().ToArray();
        var rows = page.Locator("#bins tbody tr");
        Assert.Equal(bins.Length, await rows.CountAsync());
        for (int i = 0; i < bins.Length; i++)
        {
            var cells = await rows.Nth(i).Locator("td").AllTextContentsAsync();
            Assert.Equal(bins[i].GetProperty("label").GetString(), cells[0]);
            Assert.Equal(bins[i].GetProperty("reference").GetInt64(), long.Parse(cells[1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
            Assert.Equal(bins[i].GetProperty("current").GetInt64(), long.Parse(cells[2], NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
        }
        Assert.Equal(2 * bins.Length, await page.Locator("#shares-chart svg rect[height]").CountAsync() - 2);   // two bars a bin, two legend keys
        Assert.Contains("New in the current data: Dunedin.", await page.Locator("#detail-notes").TextContentAsync(), StringComparison.Ordinal);
        Assert.EndsWith("#column=city", page.Url, StringComparison.Ordinal);
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_name_made_of_markup_is_shown_as_text()
    {
        var (page, errors) = await OpenAsync();
        var button = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = CompareReportFixture.HostileName, Exact = true });
        Assert.Equal(1, await button.CountAsync());
        Assert.Equal(0, await page.Locator("#columns b, #columns img, img").CountAsync());
        await button.ClickAsync();
        Assert.StartsWith(CompareReportFixture.HostileName, await page.Locator("#detail-heading").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("img").CountAsync());
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_table_scrolls_inside_its_box()
    {
        var (page, errors) = await OpenAsync(new ViewportSize { Width = 390, Height = 844 });
        int documentWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.InRange(documentWidth, 390, 392);
        Assert.Empty(errors);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Artifacts, "compare-report-phone.png") });
        await page.CloseAsync();
    }
}
