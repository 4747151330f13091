using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Kullback.Reports.Tests.Browser;

/// <summary>One explore page rendered to a temporary file and opened in the shared Chromium, with helpers to read what it shows.</summary>
internal sealed class ExploreSession : IAsyncDisposable
{
    private readonly TemporaryDirectory _directory;

    private ExploreSession(TemporaryDirectory directory, IPage page, List<string> errors)
    {
        _directory = directory;
        Page = page;
        Errors = errors;
    }

    public IPage Page { get; }

    /// <summary>Errors the page's scripts raised (uncaught exceptions, console errors): a test expects none.</summary>
    public List<string> Errors { get; }

    public static async Task<ExploreSession> OpenAsync(ChromiumFixture chromium, ExploreInput input, PageLanguage language = PageLanguage.English, ViewportSize? viewport = null)
    {
        var directory = new TemporaryDirectory("kullback-explore-");
        string file = Path.Combine(directory.Path, ExplorePage.DefaultFileName);
        ExplorePage.Write(file, input, language);
        var errors = new List<string>();
        var page = await chromium.OpenAsync(file, errors, viewport);
        var session = new ExploreSession(directory, page, errors);
        await session.SettledAsync();
        return session;
    }

    /// <summary>Waits until the page is ready and its deferred work (the message home, the reverse fit) is done.</summary>
    public async Task SettledAsync()
    {
        await Page.WaitForFunctionAsync("() => document.body.dataset.ready === '1'");
        await Page.WaitForTimeoutAsync(50);
        await Page.WaitForFunctionAsync("() => document.body.dataset.messagePending !== '1' && document.body.dataset.mixturePending !== '1'");
    }

    /// <summary>The page's numbers (window.kullbackExplore.state()), as JSON.</summary>
    public async Task<JsonElement> StateAsync() => await Page.EvaluateAsync<JsonElement>("() => window.kullbackExplore.state()");

    /// <summary>The full-precision number behind a displayed one (its data-value attribute); +∞ for "Infinity".</summary>
    public async Task<double> ValueAsync(string selector)
    {
        string? text = await Page.Locator(selector).First.GetAttributeAsync("data-value");
        Assert.False(string.IsNullOrEmpty(text), $"{selector} has no value");
        return Parse(text!);
    }

    public static double Parse(string text) =>
        text == "Infinity" ? double.PositiveInfinity : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>A JSON number of the state (or "Infinity" via JS's JSON: null); see <see cref="StateAsync"/>.</summary>
    public static double Number(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.Null => double.NaN,
        _ => Parse(element.GetString()!),
    };

    public async Task ScreenshotAsync(string name) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Artifacts, name), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await Page.CloseAsync();
        _directory.Dispose();
    }
}
