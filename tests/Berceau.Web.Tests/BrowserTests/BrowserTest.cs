using Berceau.Web.Tests.Support;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Berceau.Web.Tests.BrowserTests;

/// <summary>
/// Base of the browser tests: a fresh browser context per test (its own cookies), in French, on the app's loopback
/// address. Every request is routed through a guard that lets only loopback through and records anything else, so that
/// a page fetching from another site (a CDN, a tile server, a font) is caught. JavaScript errors are recorded too.
/// </summary>
public abstract class BrowserTest(BerceauApp app) : IAsyncLifetime
{
    private readonly List<string> _outsideRequests = [];
    private readonly List<string> _scriptErrors = [];
    private readonly List<string> _policyViolations = [];

    protected BerceauApp App { get; } = app;
    protected IBrowserContext Context { get; private set; } = null!;
    protected IPage Page { get; private set; } = null!;

    /// <summary>Context options a test may change before the context opens (e.g. JavaScript off).</summary>
    protected virtual BrowserNewContextOptions ContextOptions => new()
    {
        BaseURL = App.BaseAddress.ToString().TrimEnd('/'),
        Locale = "fr-FR",
        TimezoneId = "Europe/Paris",
        ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
    };

    /// <summary>Requests that tried to leave the loopback address (they were aborted).</summary>
    protected IReadOnlyList<string> OutsideRequests { get { lock (_outsideRequests) return [.. _outsideRequests]; } }

    protected IReadOnlyList<string> ScriptErrors { get { lock (_scriptErrors) return [.. _scriptErrors]; } }

    public async Task InitializeAsync()
    {
        var browser = await Chromium.BrowserAsync();
        Context = await browser.NewContextAsync(ContextOptions);
        Context.SetDefaultTimeout(15_000);
        await Context.RouteAsync("**/*", async route =>
        {
            if (IsLocal(route.Request.Url))
            {
                await route.ContinueAsync();
                return;
            }
            lock (_outsideRequests) _outsideRequests.Add(route.Request.Url);
            await route.AbortAsync("blockedbyclient");
        });
        Page = await Context.NewPageAsync();
        Page.PageError += (_, error) => { lock (_scriptErrors) _scriptErrors.Add(error); };
        // Chromium reports what the Content Security Policy blocked (an inline style, a script) on the console.
        Page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                lock (_policyViolations) _policyViolations.Add(message.Text);
        };
    }

    public async Task DisposeAsync() => await Context.CloseAsync();

    private static bool IsLocal(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme is "data" or "blob" or "about" || uri.IsLoopback);

    protected static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    protected static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    /// <summary>Presses Tab until <paramref name="target"/> has the focus, as a keyboard user would; fails after <paramref name="max"/> presses.</summary>
    protected async Task TabToAsync(ILocator target, int max = 120)
    {
        await target.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        for (var i = 0; i < max; i++)
        {
            await Page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                await AssertFocusIsVisibleAsync();
                return;
            }
        }
        Assert.Fail($"Après {max} appuis sur Tab, le focus n’est jamais arrivé sur {target}.");
    }

    /// <summary>The focused element shows it: an outline, a shadow or the yellow background of GOV.UK's focus style.</summary>
    protected async Task AssertFocusIsVisibleAsync()
    {
        var style = await Page.EvaluateAsync<string[]>(
            """
            () => {
              const s = getComputedStyle(document.activeElement);
              return [s.outlineStyle, s.outlineWidth, s.boxShadow, s.backgroundColor, document.activeElement.outerHTML.slice(0, 120)];
            }
            """);
        var visible = (style[0] != "none" && style[1] != "0px") || style[2] != "none" || style[3] == "rgb(255, 221, 0)";
        Assert.True(visible, $"Le focus n’est pas visible sur {style[4]} (outline {style[0]} {style[1]}, box-shadow {style[2]}, fond {style[3]}).");
    }

    /// <summary>
    /// Saves a full-page screenshot as BERCEAU_SCREENSHOTS/&lt;name&gt;.png when that variable names a folder (to refresh
    /// the README's pictures: <c>BERCEAU_SCREENSHOTS=docs/screenshots dotnet test --filter Category=Browser</c>); else nothing.
    /// </summary>
    protected async Task ScreenshotAsync(string name, int maxHeight = 1800)
    {
        var folder = Environment.GetEnvironmentVariable("BERCEAU_SCREENSHOTS");
        if (string.IsNullOrWhiteSpace(folder)) return;
        Directory.CreateDirectory(folder);
        // No focus ring in a picture meant for the README.
        await Page.EvaluateAsync("() => document.activeElement?.blur()");
        var height = await Page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(folder, name + ".png"),
            FullPage = true,
            Clip = new Clip { X = 0, Y = 0, Width = Page.ViewportSize?.Width ?? 1280, Height = Math.Min(height, maxHeight) },
        });
    }

    /// <summary>Waits until every map of the page has drawn (or given up): map.mjs sets data-state on each.</summary>
    protected async Task WaitForMapsAsync()
    {
        var maps = Page.Locator(".berceau-map");
        for (var i = 0; i < await maps.CountAsync(); i++)
            await Expect(maps.Nth(i)).ToHaveAttributeAsync("data-state", new System.Text.RegularExpressions.Regex("ready|error"));
    }

    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>
    /// axe (WCAG 2.0 and 2.1, A and AA) finds no violation on the current page; the message lists each one. Checked on
    /// the way: nothing the browser met so far was blocked by the Content Security Policy (it would be broken for users).
    /// </summary>
    protected async Task AssertNoAxeViolationAsync(string what)
    {
        await WaitForMapsAsync();
        string[] blocked;
        lock (_policyViolations) blocked = [.. _policyViolations];
        Assert.True(blocked.Length == 0, $"La politique de sécurité du contenu a bloqué {blocked.Length} élément(s) avant ou sur {what} ({Page.Url}) :\n" + string.Join("\n", blocked));
        var result = await Page.RunAxe(WcagAa);
        var violations = result.Violations ?? [];
        var report = string.Join("\n", violations.Select(v =>
            $"- {v.Id} ({v.Impact}) : {v.Help}\n    " + string.Join("\n    ", v.Nodes.Select(n => $"{n.Target} {n.Html}"))));
        Assert.True(violations.Length == 0, $"axe trouve {violations.Length} violation(s) sur {what} ({Page.Url}) :\n{report}");
    }

    /// <summary>Signs a family account in with its password through the real page, after signing out whoever was (cookies cleared).</summary>
    protected async Task SignInAsFamilyAsync(string email, string password)
    {
        await Context.ClearCookiesAsync();
        await Page.GotoAsync("/compte/connexion");
        await Page.GetByLabel("Adresse e-mail").FillAsync(email);
        await Page.GetByLabel("Mot de passe").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
    }

    /// <summary>Signs a new staff member in through the real pages, code step included; their e-mail (to name them elsewhere).</summary>
    protected async Task<string> SignInAsStaffAsync(string role, string? departement = null, string? commune = null)
    {
        var (email, password) = await Accounts.CreateStaffAsync(App, role, departement, commune);
        await Page.GotoAsync("/compte/connexion");
        await Page.GetByLabel("Adresse e-mail").FillAsync(email);
        await Page.GetByLabel("Mot de passe").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Page.GetByLabel("Saisissez le code de votre application d’authentification").FillAsync(Accounts.CurrentCode());
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/compte/connexion", StringComparison.Ordinal));
        return email;
    }
}
