using Microsoft.Playwright;

namespace Berceau.Web.Tests.BrowserTests;

/// <summary>
/// One Playwright driver and one Debian Chromium (<c>/usr/bin/chromium</c>, installed by test.sh with apt) for the whole
/// test run; each test opens its own context (<see cref="BrowserTest"/>). Playwright's own browser download is never
/// used: the driver ships in the NuGet package and drives the system Chromium.
/// </summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? playwright;
    private static IBrowser? browser;

    public static async Task<IBrowser> BrowserAsync()
    {
        if (browser is { IsConnected: true }) return browser;
        await Gate.WaitAsync();
        try
        {
            if (browser is { IsConnected: true }) return browser;
            if (!File.Exists(ExecutablePath))
                throw new InvalidOperationException($"{ExecutablePath} est introuvable : installez Chromium (apt-get install chromium) ou lancez ./test.sh.");
            playwright ??= await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
            });
            // Test machines are often busy (builds, a database): assertions wait up to 15 s for the page to get there.
            Assertions.SetDefaultExpectTimeout(15_000);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Close();
            return browser;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static void Close()
    {
        try
        {
            browser?.CloseAsync().Wait(TimeSpan.FromSeconds(5));
            playwright?.Dispose();
        }
        catch (Exception)
        {
            // The test host is exiting: the driver and the browser die with it anyway.
        }
    }
}
