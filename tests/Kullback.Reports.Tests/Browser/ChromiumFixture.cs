using Microsoft.Playwright;

namespace Kullback.Reports.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright, for any test that needs to look at a page the way a person does: one
/// headless browser per fixture, in a fresh user-data directory of its own (<c>kullback-browser-*</c> under the temporary
/// directory, the name <c>.ci/run</c> cleans up after a test host that died), always closed and removed afterwards.
/// Reusable: <c>await using var chromium = await ChromiumFixture.StartAsync();</c> or as an xunit class or collection fixture.
/// </summary>
/// <remarks>Playwright's own browser download is not used: the executable is <see cref="ExecutablePath"/>.</remarks>
public sealed class ChromiumFixture : IAsyncLifetime, IAsyncDisposable
{
    /// <summary>Debian's Chromium (<c>apt-get install chromium</c>; .ci/run installs it when missing).</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowserContext? _context;
    private string? _profile;

    /// <summary>The browser's one context (persistent, in the fixture's own profile directory).</summary>
    public IBrowserContext Context => _context ?? throw new InvalidOperationException("The browser has not been started.");

    /// <summary>Starts a browser outside xunit's lifetime management (dispose it with <c>await using</c>).</summary>
    public static async Task<ChromiumFixture> StartAsync()
    {
        var fixture = new ChromiumFixture();
        await fixture.InitializeAsync();
        return fixture;
    }

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"{ExecutablePath} is missing: install Debian's chromium (apt-get install chromium), as .ci/run does.");
        _profile = Directory.CreateTempSubdirectory("kullback-browser-").FullName;
        try
        {
            _playwright = await Playwright.CreateAsync();
            _context = await _playwright.Chromium.LaunchPersistentContextAsync(_profile, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
                ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
                Locale = "en-US",
                Offline = true,
            });
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens <paramref name="file"/> (a local HTML file) in a new tab, collecting the page's errors into <paramref name="errors"/>.</summary>
    public async Task<IPage> OpenAsync(string file, List<string>? errors = null, ViewportSize? viewport = null)
    {
        var page = await Context.NewPageAsync();
        if (viewport is not null) await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
        if (errors is not null)
        {
            page.PageError += (_, message) => errors.Add(message);
            page.Console += (_, message) =>
            {
                if (message.Type == "error") errors.Add(message.Text);
            };
        }
        await page.GotoAsync(new Uri(Path.GetFullPath(file)).AbsoluteUri);
        return page;
    }

    /// <summary>Closes the browser and removes its profile directory.</summary>
    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            try
            {
                await _context.CloseAsync();
            }
            catch (PlaywrightException)
            {
                // The browser is gone already.
            }
            _context = null;
        }
        _playwright?.Dispose();
        _playwright = null;
        if (_profile is not null)
        {
            try
            {
                Directory.Delete(_profile, recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still be writing its last files; the directory is in the temporary directory.
            }
            _profile = null;
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}

/// <summary>The browser tests share one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class SharedChromium : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Chromium";
}
