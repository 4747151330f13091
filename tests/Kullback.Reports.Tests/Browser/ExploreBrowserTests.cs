using System.Text.Json;
using Kullback.Coding;
using Kullback.Continuous;
using Kullback.Fitting;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using Microsoft.Playwright;

namespace Kullback.Reports.Tests.Browser;

/// <summary>
/// The explore page in a real browser (Debian's Chromium through Playwright): it opens, a bar is dragged, the p slider
/// moved, a bar stepped with the keyboard, the language switched; every number displayed is checked against the
/// library's own value for the same data — to 1e-12 relative (parameters found by an optimiser to 1e-9). Screenshots
/// go to the test output (bin/…/artifacts/).
/// </summary>
[Collection(SharedChromium.Name)]
public sealed class ExploreBrowserTests(ChromiumFixture chromium)
{
    private static readonly HashSet<string> Optimised = ["negative_binomial", "beta_binomial", "discretized_normal"];

    [Fact]
    public async Task Opens_with_the_library_values_and_checks_itself()
    {
        await using var session = await ExploreSession.OpenAsync(chromium, ExploreInput.Tutorial);
        var state = await session.StateAsync();
        Assert.True(state.GetProperty("selfCheck").GetProperty("worst").GetDouble() <= 1e-12, state.GetProperty("selfCheck").ToString());
        Assert.Equal("binomial", state.GetProperty("family").GetString());
        double[] weights = [.. SpaceWormWalkthrough()];
        await AssertFamiliesMatchLibrary(session, weights);
        var report = ModelFitter.Fit(DiscreteDistribution.FromCounts(weights));
        var binomial = report.Fits.Single(f => f.Family == ModelFamily.Binomial);
        Close(await session.ValueAsync("#m-klpq"), binomial.DataToModel.Bits, 1e-12, "D(P‖B) shown");
        Close(await session.ValueAsync("#m-klqp"), binomial.ModelToData.Bits, 1e-12, "D(B‖P) shown");
        Close(await session.ValueAsync("#m-entropy"), report.Entropy.Bits, 1e-12, "H(P) shown");
        Close(await session.ValueAsync("#entropy-bits"), 3.2622444774600727, 1e-12, "H(P) = 3.262 bits, the tutorial's");
        Assert.Equal("", await session.Page.Locator("#infinite-note").TextContentAsync());
        Assert.Empty(session.Errors);
        await session.ScreenshotAsync("explore-en.png");
        foreach (string section in new[] { "data", "families", "selected", "contributions", "sweep", "message", "normal" })
            await session.Page.Locator($"#{section}").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(RepositoryPaths.Artifacts, $"explore-en-{section}.png") });
    }

    [Fact]
    public async Task Dragging_a_bar_renormalises_and_every_family_follows_the_library()
    {
        await using var session = await ExploreSession.OpenAsync(chromium, ExploreInput.Tutorial);
        var bar = session.Page.Locator("#data-chart .bar-handle[data-index=\"1\"]");
        var box = await bar.BoundingBoxAsync() ?? throw new InvalidOperationException("no bar");
        float x = box.X + box.Width / 2, y = box.Y + box.Height / 2;
        await session.Page.Mouse.MoveAsync(x, y);
        await session.Page.Mouse.DownAsync();
        await session.Page.Mouse.MoveAsync(x, y - 200, new MouseMoveOptions { Steps = 6 });
        await session.Page.Mouse.UpAsync();
        await session.SettledAsync();

        var state = await session.StateAsync();
        double[] weights = [.. state.GetProperty("weights").EnumerateArray().Select(ExploreSession.Number)];
        double[] p = [.. state.GetProperty("probabilities").EnumerateArray().Select(ExploreSession.Number)];
        Assert.True(p[1] > 0.1, $"the dragged bar is at {p[1]}");
        Close(p.Sum(), 1, 1e-15, "Σp");
        Assert.True(p[0] / p[2] is > 0.399 and < 0.401, "the other bars keep their proportions");
        await AssertFamiliesMatchLibrary(session, weights);
        await AssertMessageHomeMatchesLibrary(session, weights);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task The_p_slider_moves_the_binomial_and_its_ends_make_the_divergence_infinite()
    {
        await using var session = await ExploreSession.OpenAsync(chromium, ExploreInput.Tutorial);
        var data = DiscreteDistribution.FromCounts([.. SpaceWormWalkthrough()]);
        foreach (double p in new[] { 0.3, 0.544, 0.71 })
        {
            await session.Page.Locator("#param-p").FillAsync(p.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await session.SettledAsync();
            var fit = ModelFitter.Evaluate(new BinomialModel(10, p), 2, FitMethod.MaximumLikelihood, data);
            Close(await session.ValueAsync("#m-klpq"), fit.DataToModel.Bits, 1e-12, $"D(P‖B(10, {p}))");
            Close(await session.ValueAsync("#m-klqp"), fit.ModelToData.Bits, 1e-12, $"D(B(10, {p})‖P)");
            var state = await session.StateAsync();
            var sweep = state.GetProperty("sweep");
            Assert.Equal("p", sweep.GetProperty("key").GetString());
        }
        // The curve: the library's sweep of D(P‖Binomial(10, p)), its minimum at the mean estimate 0.544.
        var libSweep = Kullback.Analysis.SweepAnalysis.Run(new Kullback.Analysis.SweepRequest(data, ModelFamily.Binomial, Parameter.SuccessProbability, Steps: 199));
        var pageSweep = (await session.StateAsync()).GetProperty("sweep");
        double[] divergences = [.. pageSweep.GetProperty("divergences").EnumerateArray().Select(ExploreSession.Number)];
        for (int i = 0; i < divergences.Length; i++) Close(divergences[i], libSweep.Divergences[i].Nats, 1e-12, $"sweep point {i}");
        Assert.Equal(libSweep.MinimumIndex, pageSweep.GetProperty("minimum").GetInt32());
        Assert.Contains("0.5440", await session.Page.Locator("#sweep-line").TextContentAsync(), StringComparison.Ordinal);

        // p = 0: the binomial gives probability 0 to every outcome but 0 teeth, which the worms do have.
        await session.Page.Locator("#param-p").FillAsync("0");
        await session.SettledAsync();
        Assert.Equal(double.PositiveInfinity, await session.ValueAsync("#m-klpq"));
        Assert.Equal(double.PositiveInfinity, await session.ValueAsync("#m-cross"));
        double[] pointMass = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];   // binomial(10, 0) on 0…10, and nothing beyond
        Close(await session.ValueAsync("#m-js"), Measures.JensenShannonDivergence([.. data.Probabilities, 0], pointMass, InformationUnit.Bits), 1e-12, "JS stays finite");
        Assert.Contains("D(P‖Q) = ∞", await session.Page.Locator("#infinite-note").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(10, await session.Page.Locator("#overlay-chart .infinite-bar").CountAsync());
        Assert.Equal(10, await session.Page.Locator("#contrib-table tr.infinite").CountAsync());
        Assert.Empty(session.Errors);
        await session.ScreenshotAsync("explore-p-zero.png");
    }

    [Fact]
    public async Task A_bar_moves_with_the_keyboard_and_a_typed_zero_makes_the_reverse_divergence_infinite()
    {
        await using var session = await ExploreSession.OpenAsync(chromium, ExploreInput.Tutorial);
        await session.Page.Locator("#data-chart .bar-handle[data-index=\"0\"]").FocusAsync();
        for (int i = 0; i < 3; i++) await session.Page.Keyboard.PressAsync("ArrowUp");
        await session.SettledAsync();
        var state = await session.StateAsync();
        double[] p = [.. state.GetProperty("probabilities").EnumerateArray().Select(ExploreSession.Number)];
        Assert.True(Math.Abs(p[0] - 0.05) < 1e-12, $"three steps of 0.01 from 0.02: {p[0]}");
        Assert.Equal("0", await session.Page.EvaluateAsync<string>("() => document.activeElement.dataset.index"));
        await AssertFamiliesMatchLibrary(session, [.. state.GetProperty("weights").EnumerateArray().Select(ExploreSession.Number)]);

        var input = session.Page.Locator("#data-inputs input[data-index=\"10\"]");
        await input.FillAsync("0");
        await input.DispatchEventAsync("change");
        await session.SettledAsync();
        Assert.Equal(double.PositiveInfinity, await session.ValueAsync("#m-klqp"));
        Assert.Contains("10", await session.Page.Locator("#infinite-note").TextContentAsync(), StringComparison.Ordinal);
        state = await session.StateAsync();
        await AssertFamiliesMatchLibrary(session, [.. state.GetProperty("weights").EnumerateArray().Select(ExploreSession.Number)]);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Switching_to_Chinese_translates_the_page_and_keeps_the_numbers()
    {
        await using var session = await ExploreSession.OpenAsync(chromium, ExploreInput.Tutorial);
        double before = await session.ValueAsync("#m-klpq");
        await session.Page.Locator("button[data-lang=\"zh\"]").ClickAsync();
        await session.SettledAsync();
        Assert.Equal("zh-Hans", await session.Page.Locator("html").GetAttributeAsync("lang"));
        Assert.StartsWith("Kullback 探索", await session.Page.Locator("h1").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("数据", await session.Page.Locator("#data-heading").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("比特", await session.Page.Locator("#m-klpq").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("二项分布", await session.Page.Locator("#selected-heading").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await session.Page.Locator("button[data-lang=\"zh\"]").GetAttributeAsync("aria-pressed"));
        Assert.Equal(before, await session.ValueAsync("#m-klpq"));
        await session.ScreenshotAsync("explore-zh.png");
        await session.Page.Locator("button[data-lang=\"en\"]").ClickAsync();
        Assert.StartsWith("Kullback explore", await session.Page.Locator("h1").TextContentAsync(), StringComparison.Ordinal);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Opens_in_Chinese_from_the_command_line_choice()
    {
        await using var session = await ExploreSession.OpenAsync(chromium, ExploreInput.Tutorial, PageLanguage.Chinese);
        Assert.Equal("zh-Hans", await session.Page.Locator("html").GetAttributeAsync("lang"));
        Assert.Contains("太空蠕虫", await session.Page.Locator("header p").TextContentAsync(), StringComparison.Ordinal);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Pasted_counts_are_ranked_by_message_length_as_the_library_ranks_them()
    {
        await using var session = await ExploreSession.OpenAsync(chromium, ExploreInput.Tutorial);
        await session.Page.Locator("#paste").FillAsync("30, 12, 8, 6, 5, 4, 3, 3, 2, 2, 1, 1, 0, 1");
        await session.Page.Locator("#paste-form button[type=submit]").ClickAsync();
        await session.SettledAsync();
        var state = await session.StateAsync();
        Assert.Equal(78, state.GetProperty("observationCount").GetInt32());
        double[] weights = [.. state.GetProperty("weights").EnumerateArray().Select(ExploreSession.Number)];
        await AssertFamiliesMatchLibrary(session, weights);
        var report = ModelFitter.Fit(DiscreteDistribution.FromCounts(weights));
        string[] pageOrder = [.. state.GetProperty("fits").EnumerateArray().Select(f => f.GetProperty("family").GetString()!)];
        Assert.Equal(report.Fits.Select(f => f.Family.Key), pageOrder);

        await session.Page.Locator("#paste").FillAsync("1, two, 3");
        await session.Page.Locator("#paste-form button[type=submit]").ClickAsync();
        Assert.Contains("two", await session.Page.Locator("#paste-error").TextContentAsync(), StringComparison.Ordinal);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task The_continuous_panels_match_the_closed_form_and_the_quadrature()
    {
        await using var session = await ExploreSession.OpenAsync(chromium, ExploreInput.Tutorial);
        await session.Page.Locator("#muQ").FillAsync("2");
        await session.Page.Locator("#sigmaQ").FillAsync("0.5");
        double klPQ = ClosedFormDivergence.KullbackLeibler(new Normal(0, 1), new Normal(2, 0.5)) / Math.Log(2);
        double klQP = ClosedFormDivergence.KullbackLeibler(new Normal(2, 0.5), new Normal(0, 1)) / Math.Log(2);
        Close(await session.ValueAsync("#normal-pq"), klPQ, 1e-12, "D(N(0,1)‖N(2,0.5))");
        Close(await session.ValueAsync("#normal-qp"), klQP, 1e-12, "D(N(2,0.5)‖N(0,1))");

        await session.Page.Locator("#separation").FillAsync("5");
        await session.SettledAsync();
        var mixture = (await session.StateAsync()).GetProperty("mixture");
        // P = ½N(−2.5, 0.7) + ½N(2.5, 0.7): the forward fit has P's mean and variance (0 and 2.5² + 0.7²).
        var forward = mixture.GetProperty("forward");
        Close(forward.GetProperty("mu").GetDouble(), 0, 1e-15, "forward mean", floor: 1);
        Close(forward.GetProperty("sigma").GetDouble(), Math.Sqrt(2.5 * 2.5 + 0.49), 1e-14, "forward σ");
        Close(forward.GetProperty("pq").GetDouble(), MixtureToNormal(forward), 1e-10, "D(P‖Q_forward) by MathNet's Gauss–Kronrod");
        var reverse = mixture.GetProperty("reverse");
        double atReverse = NormalToMixture(reverse.GetProperty("mu").GetDouble(), reverse.GetProperty("sigma").GetDouble());
        Close(reverse.GetProperty("qp").GetDouble(), atReverse, 1e-10, "D(Q_reverse‖P) by MathNet's Gauss–Kronrod");
        Assert.True(Math.Abs(Math.Abs(reverse.GetProperty("mu").GetDouble()) - 2.5) < 0.05, $"the reverse fit sits on a peak: {reverse}");
        foreach (var (dm, ds) in new[] { (0.01, 0.0), (-0.01, 0.0), (0.0, 0.01), (0.0, -0.01) })
            Assert.True(NormalToMixture(reverse.GetProperty("mu").GetDouble() + dm, reverse.GetProperty("sigma").GetDouble() + ds) > atReverse, "the reverse fit is a minimum");
        Assert.Empty(session.Errors);
        await session.Page.Locator("#mixture").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(RepositoryPaths.Artifacts, "explore-mixture.png") });
    }

    [Fact]
    public async Task Reads_on_a_phone_without_sideways_scrolling()
    {
        await using var session = await ExploreSession.OpenAsync(chromium, ExploreInput.Tutorial, viewport: new ViewportSize { Width = 390, Height = 844 });
        int width = await session.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page is {width} px wide on a 390 px screen");
        await session.ScreenshotAsync("explore-phone.png");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Every_chart_has_a_label_and_a_data_table_and_every_control_a_name()
    {
        await using var session = await ExploreSession.OpenAsync(chromium, ExploreInput.Tutorial);
        int unlabelledCharts = await session.Page.EvaluateAsync<int>("() => [...document.querySelectorAll('section svg.chart')].filter(s => !s.getAttribute('aria-label')).length");
        Assert.Equal(0, unlabelledCharts);
        foreach (string section in new[] { "#data", "#selected", "#contributions", "#sweep", "#message", "#normal", "#mixture" })
            Assert.True(await session.Page.Locator($"{section} table").CountAsync() > 0, $"{section} has no data table");
        int unnamed = await session.Page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('input, button, textarea, [role=slider]')].filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim()).length");
        Assert.Equal(0, unnamed);
        int bars = await session.Page.Locator("#data-chart [role=slider][tabindex=\"0\"]").CountAsync();
        Assert.Equal(11, bars);
    }

    private static IReadOnlyList<double> SpaceWormWalkthrough() => Kullback.Analysis.SpaceWormWalkthrough.TeethProbabilities;

    /// <summary>Every family row of the page's table against the library's fit of the same weights.</summary>
    private static async Task AssertFamiliesMatchLibrary(ExploreSession session, double[] weights)
    {
        var report = ModelFitter.Fit(DiscreteDistribution.FromCounts(weights));
        var state = await session.StateAsync();
        string selected = state.GetProperty("family").GetString()!;
        foreach (var fit in report.Fits)
        {
            string row = $"#family-table tr[data-family=\"{fit.Family.Key}\"]";
            bool optimised = Optimised.Contains(fit.Family.Key);
            Close(await session.ValueAsync($"{row} td[data-key=klPQ] .num"), fit.DataToModel.Bits, 1e-12, $"{fit.Family.Key} D(P‖Q)", optimised ? 0.1 : 0);
            Close(await session.ValueAsync($"{row} td[data-key=klQP] .num"), fit.ModelToData.Bits, optimised ? 1e-9 : 1e-12, $"{fit.Family.Key} D(Q‖P)");
            if (fit.MessageLength is { } message && double.IsFinite(message.Nats))
                Close(await session.ValueAsync($"{row} td[data-key=messageLength] .num"), message.Bits, 1e-12, $"{fit.Family.Key} message length");
            var pageFit = state.GetProperty("fits").EnumerateArray().Single(f => f.GetProperty("family").GetString() == fit.Family.Key);
            foreach (var parameter in fit.Model.Parameters)
                Close(ExploreSession.Number(pageFit.GetProperty("parameters").GetProperty(parameter.Parameter.Key)), parameter.Value, optimised ? 1e-9 : 1e-15, $"{fit.Family.Key}.{parameter.Parameter.Key}");
            if (fit.Family.Key == selected)
            {
                Close(await session.ValueAsync("#m-klpq"), fit.DataToModel.Bits, 1e-12, "selected D(P‖Q)", optimised ? 0.1 : 0);
                double[] q = [.. fit.Contributions.Select(c => c.Q)];
                double[] pq = [.. DiscreteDistribution.FromCounts(weights).Probabilities, 0], qq = [.. q, ExploreData.OutsideMass(q)];
                Close(await session.ValueAsync("#m-cross"), Measures.CrossEntropy(pq, qq, InformationUnit.Bits), optimised ? 1e-9 : 1e-12, "selected H(P, Q)");
                Close(await session.ValueAsync("#m-js"), Measures.JensenShannonDivergence(pq, qq, InformationUnit.Bits), optimised ? 1e-9 : 1e-12, "selected JS");
            }
        }
        var notApplicable = await session.Page.Locator("#family-table tr.na").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.family)");
        Assert.Equal(report.NotApplicable.Select(f => f.Family.Key).Order(StringComparer.Ordinal), notApplicable.Order(StringComparer.Ordinal));
    }

    /// <summary>The message table against MessageHome.Send with the same seed and stream length: the very same bits.</summary>
    private static async Task AssertMessageHomeMatchesLibrary(ExploreSession session, double[] weights)
    {
        var data = DiscreteDistribution.FromCounts(weights);
        var report = ModelFitter.Fit(data);
        var messages = (await session.StateAsync()).GetProperty("messages");
        int n = messages.GetProperty("observations").GetInt32();
        Assert.Equal(ExploreData.MessageLength, n);
        foreach (var row in messages.GetProperty("rows").EnumerateArray())
        {
            var fit = report.Fits.Single(f => f.Family.Key == row.GetProperty("family").GetString());
            if (Optimised.Contains(fit.Family.Key)) continue;   // the codes are built from Q, whose parameters agree to 1e-9 only
            var home = MessageHome.Send([.. data.Probabilities], [.. fit.Contributions.Select(c => c.Q)], n, ExploreData.MessageSeed);
            var last = row.GetProperty("checkpoints").EnumerateArray().Last();
            Close(last.GetProperty("arithmetic").GetDouble(), home.Checkpoints[^1].Arithmetic.Bits, 1e-15, $"{fit.Family.Key} arithmetic bits");
            Close(last.GetProperty("huffman").GetDouble(), home.Checkpoints[^1].Huffman.Bits, 1e-15, $"{fit.Family.Key} Huffman bits");
            Close(ExploreSession.Number(row.GetProperty("crossEntropyBits")), home.CrossEntropy.Bits, 1e-12, $"{fit.Family.Key} H(P, Q)");
        }
    }

    private static double MixtureToNormal(JsonElement fit)
    {
        double mu = fit.GetProperty("mu").GetDouble(), sigma = fit.GetProperty("sigma").GetDouble();
        return Integrate.GaussKronrod(x => { double p = Mixture(x); return p == 0 ? 0 : p * Math.Log(p / Normal.PDF(mu, sigma, x)); }, -12, 12, 1e-14, 15);
    }

    private static double NormalToMixture(double mu, double sigma) =>
        Integrate.GaussKronrod(x => { double q = Normal.PDF(mu, sigma, x); return q == 0 ? 0 : q * (Normal.PDFLn(mu, sigma, x) - Math.Log(Mixture(x))); },
            mu - 12 * sigma, mu + 12 * sigma, 1e-14, 15);

    private static double Mixture(double x) => 0.5 * Normal.PDF(-2.5, 0.7, x) + 0.5 * Normal.PDF(2.5, 0.7, x);

    private static void Close(double actual, double expected, double tolerance, string what, double floor = 0)
    {
        if (double.IsInfinity(expected) || double.IsInfinity(actual))
        {
            Assert.True(actual == expected, $"{what}: {actual:R} vs {expected:R}");
            return;
        }
        double scale = Math.Max(Math.Max(Math.Abs(actual), Math.Abs(expected)), floor);
        double error = scale == 0 ? 0 : Math.Abs(actual - expected) / scale;
        Assert.True(error <= tolerance, $"{what}: {actual:R} vs {expected:R} (relative error {error:E2})");
    }
}
