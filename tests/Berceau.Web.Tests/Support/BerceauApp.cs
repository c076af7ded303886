using Berceau.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Berceau.Web.Tests.Support;

/// <summary>
/// The real application on Kestrel (loopback, free port), over a fresh database seeded with the demo 93, with the
/// clock fixed. Shared by a test collection: tests that change data create their own records.
/// </summary>
public sealed class BerceauApp : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase _database = TestDatabase.Create();

    /// <summary>The pickup folder where the app writes its e-mails (one .eml file per message), deleted with the app.</summary>
    public string MailFolder { get; } = Directory.CreateTempSubdirectory("berceau-mail-").FullName;

    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public BerceauApp() : this(new Dictionary<string, string?>(), null)
    {
    }

    /// <summary>
    /// The app with more configuration (<paramref name="settings"/>, e.g. an external provider) and services changed
    /// after the app's own; for fixtures of their own (xunit wants one public constructor per fixture).
    /// </summary>
    internal BerceauApp(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        _settings = settings;
        _services = services;
        UseKestrel(0);
        StartServer();
    }

    public FakeTimeProvider Clock { get; } = new(Now);

    public const int RateLimitForTests = 1000;

    public const int PasswordIterationsForTests = 1000;

    public string Provider => _database.Provider;

    /// <summary>The database of this app, for a second node started over the same data (Infrastructure/SeveralNodesTests).</summary>
    public string ConnectionString => _database.ConnectionString;

    public Uri BaseAddress =>
        new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", _database.Provider);
        builder.UseSetting("ConnectionStrings:Berceau", _database.ConnectionString);
        builder.UseSetting("Seed:OnStartup", "true");
        builder.UseSetting("Seed:Territories:0", "93");
        builder.UseSetting("Logging:Console:FormatterName", "simple");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Mail:PickupDirectory", MailFolder);
        // Tests run the outbox dispatcher themselves (Support/Mail.cs), so they decide when and with which transport.
        builder.UseSetting("Outbox:RunWorker", "false");
        // Same for the confirmation job (Features/Applications/ConfirmationJobTests run one pass at a time).
        builder.UseSetting("Confirmation:RunWorker", "false");
        // And for the offers' job (Features/Decisions tests run one pass when they want it).
        builder.UseSetting("Offers:RunWorker", "false");
        // And for the childminders' availability reminders (Features/Childminders tests run one pass).
        builder.UseSetting("ChildminderReminders:RunWorker", "false");
        // And for the meetings' reminders (Features/Meetings tests run one pass).
        builder.UseSetting("MeetingReminders:RunWorker", "false");
        builder.UseSetting("GovernanceReminders:RunWorker", "false");
        // And for the notices of a commission's freeze (Features/Commission tests run one pass when they want the notices).
        builder.UseSetting("FreezeNotices:RunWorker", "false");
        // The tests call the job right after their requests; the quiet time the members get is tested on its own (MembersFirstTests).
        builder.UseSetting("FreezeNotices:QuietMilliseconds", "0");
        // And for the observatory's snapshots: tests refresh them when they want (Support/IndicatorSnapshotsSupport.cs).
        builder.UseSetting("Observatory:Snapshots:RunWorker", "false");
        // Every test signs in from 127.0.0.1: the real limit would throttle the suite. The limit's own test uses another address.
        builder.UseSetting("Account:PostsPerMinute", RateLimitForTests.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            // Identity's real hasher (PBKDF2-HMAC-SHA512) with 1,000 iterations instead of 100,000: every test creates
            // accounts and signs in, and at full strength the hashing alone was a large share of the suite's CPU time.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = PasswordIterationsForTests);
            _services?.Invoke(services);
        });
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see what the browser would be told.</summary>
    public HttpClient Client(bool followRedirects = false, System.Net.CookieContainer? cookies = null) =>
        // On Kestrel the factory's own client ignores AllowAutoRedirect, so the handler is built here.
        new(new HttpClientHandler { AllowAutoRedirect = followRedirects, UseCookies = true, CookieContainer = cookies ?? new System.Net.CookieContainer() })
        {
            BaseAddress = BaseAddress,
        };

    public async Task<T> WithDbAsync<T>(Func<BerceauDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<BerceauDbContext>());
    }

    public async Task WithScopeAsync(Func<IServiceProvider, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _database.Dispose();
        try { Directory.Delete(MailFolder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>
/// The shared app, in three collections: each has an app and a database of its own, and xunit runs collections side by
/// side (one test at a time in each), so the test classes are spread over them, balanced by measured time and with the
/// browser tests spread too (docs/testing.md). A test class goes in any of the three: none may count on another class's
/// data, nor on being alone on its app.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<BerceauApp>
{
    public const string Name = "app";
}

/// <summary>The second shared app (see <see cref="AppCollection"/>).</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection2 : ICollectionFixture<BerceauApp>
{
    public const string Name = "app-2";
}

/// <summary>The third shared app (see <see cref="AppCollection"/>).</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection3 : ICollectionFixture<BerceauApp>
{
    public const string Name = "app-3";
}
