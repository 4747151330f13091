using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kullback.Reports.Tests.Pages;

/// <summary>The page as a file: self-contained, small, its data the library's, its words in both languages.</summary>
public sealed partial class ExplorePageTests
{
    [Fact]
    public void The_page_is_self_contained_and_small()
    {
        foreach (var input in new[] { ExploreInput.Tutorial, new ExploreInput([.. Enumerable.Range(0, ExploreInput.MaximumOutcomes).Select(i => (double)(1 + i % 7))], "wide") })
        {
            string html = ExplorePage.Render(input);
            Assert.True(html.Length < 500_000, $"{html.Length} characters");
            Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
            Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
            Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
            Assert.DoesNotMatch(ExternalSource(), html);
            Assert.DoesNotContain("{{", html, StringComparison.Ordinal);
            Assert.Equal(5, ScriptTag().Count(html));   // the data and the four scripts, all inline
        }
    }

    [Fact]
    public void The_data_carries_the_library_s_fits_and_measures()
    {
        string html = ExplorePage.Render(ExploreInput.Tutorial);
        var data = JsonDocument.Parse(DataScript().Match(html).Groups[1].Value).RootElement;
        var library = data.GetProperty("library");
        Assert.Equal(2.2612155618487011, library.GetProperty("entropy").GetDouble(), 15);
        Assert.Equal(7, library.GetProperty("fits").GetArrayLength());
        var uniform = library.GetProperty("fits").EnumerateArray().Single(f => f.GetProperty("family").GetString() == "uniform");
        Assert.Equal(0.136679710949669388759375344513, uniform.GetProperty("klPQ").GetDouble(), 15);
        var poisson = library.GetProperty("fits").EnumerateArray().Single(f => f.GetProperty("family").GetString() == "poisson");
        Assert.Equal("Infinity", poisson.GetProperty("klQP").GetString());   // Q has mass beyond 10 teeth
        Assert.Equal(199, library.GetProperty("sweep").GetProperty("values").GetArrayLength());
        var message = uniform.GetProperty("message");
        Assert.True(message.GetProperty("roundTrip").GetBoolean());
        Assert.Equal(ExploreData.MessageLength, message.GetProperty("checkpoints").EnumerateArray().Last().GetProperty("observations").GetInt32());
    }

    [Fact]
    public void Every_word_the_page_uses_exists_in_English_and_in_Chinese()
    {
        string text = File.ReadAllText(Path.Combine(RepositoryPaths.Assets, "explore-text.js"));
        var en = Keys(text, "const en = {", "const zh = {");
        var zh = Keys(text, "const zh = {", "root.KullbackText");
        Assert.True(en.Count > 100, $"{en.Count} English keys");
        Assert.Equal(en.Order(StringComparer.Ordinal), zh.Order(StringComparer.Ordinal));

        string html = File.ReadAllText(Path.Combine(RepositoryPaths.Assets, "explore.html"));
        string script = File.ReadAllText(Path.Combine(RepositoryPaths.Assets, "explore.js"));
        string math = File.ReadAllText(Path.Combine(RepositoryPaths.Assets, "kullback-math.js"));
        var used = DataT().Matches(html).Select(m => m.Groups[1].Value)
            .Concat(TCall().Matches(script).Select(m => m.Groups[1].Value).Where(k => !k.EndsWith('_')))   // t('f_' + family): below
            .Concat(SliderCall().Matches(script).Select(m => m.Groups[1].Value))
            .Concat(new[] { "uniform", "binomial", "poisson", "geometric", "negative_binomial", "beta_binomial", "discretized_normal" }.Select(f => "f_" + f))
            .Concat(NotApplicableCode().Matches(math).Select(m => "na_" + m.Groups[1].Value))
            .Distinct().ToList();
        Assert.Contains("na_not-over-dispersed", used);
        foreach (string key in used) Assert.True(en.Contains(key), $"'{key}' is used but has no text");
    }

    [Fact]
    public void Bad_input_is_refused_with_a_reason()
    {
        Assert.Contains("at most 200", Assert.Throws<InvalidArgumentException>(() => ExplorePage.Render(new ExploreInput(new double[201], "x"))).Reason, StringComparison.Ordinal);
        Assert.Throws<InvalidArgumentException>(() => ExplorePage.Render(new ExploreInput([1, double.NaN], "x")));
        Assert.Throws<InvalidArgumentException>(() => ExplorePage.Render(new ExploreInput([0, 0], "x")));
        Assert.Throws<InvalidArgumentException>(() => ExplorePage.Render(new ExploreInput([], "x")));
        Assert.Equal(PageLanguage.Chinese, PageLanguages.Parse(" ZH "));
        Assert.Equal("en", PageLanguage.English.Code());
        Assert.Throws<InvalidArgumentException>(() => PageLanguages.Parse("fr"));
    }

    private static HashSet<string> Keys(string text, string from, string to)
    {
        int start = text.IndexOf(from, StringComparison.Ordinal), end = text.IndexOf(to, start + 1, StringComparison.Ordinal);
        return [.. TextKey().Matches(text[start..end]).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)];
    }

    [GeneratedRegex("<script type=\"application/json\" id=\"kullback-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex DataScript();

    [GeneratedRegex("<script[ >]")]
    private static partial Regex ScriptTag();

    [GeneratedRegex("(src|href)=\"(?!#)[^\"]+\"")]
    private static partial Regex ExternalSource();

    [GeneratedRegex("(?:^|[\\s,{])(?:'([^']+)'|([A-Za-z_][A-Za-z0-9_]*)):\\s*'", RegexOptions.Multiline)]
    private static partial Regex TextKey();

    [GeneratedRegex("data-t=\"([^\"]+)\"")]
    private static partial Regex DataT();

    [GeneratedRegex("\\bt\\('([^']+)'")]
    private static partial Regex TCall();

    [GeneratedRegex("slider\\('[^']+', '([^']+)'")]
    private static partial Regex SliderCall();

    [GeneratedRegex("new NotApplicable\\(family, '([^']+)'")]
    private static partial Regex NotApplicableCode();
}
