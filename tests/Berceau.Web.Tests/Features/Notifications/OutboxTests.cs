using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Berceau.Domain.Notifications;
using Berceau.Web.Features.Notifications;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Berceau.Web.Tests.Features.Notifications;

/// <summary>
/// The outbox with the app's real database and dispatcher. Tests that need another transport or clock build their own
/// dispatcher; every test first sends whatever earlier tests left due, so that it only sees its own messages.
/// </summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public sealed class OutboxTests(BerceauApp app)
{
    [Fact]
    public async Task Queue_TwiceWithTheSameKey_KeepsOneMessageAndOneNotification()
    {
        var (_, email, userId) = await Accounts.SignInAsNewFamilyAsync(app);
        var key = "test:" + Guid.NewGuid();

        var first = await QueueAsync(email, userId, key, twiceInOneUnit: true);
        var again = await QueueAsync(email, userId, key, twiceInOneUnit: false);

        Assert.Equal([true, false], first);
        Assert.Equal([false], again);
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.IdempotencyKey == key)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == userId)));
    }

    [Fact]
    public async Task Database_RefusesASecondMessageWithTheSameKey_EvenPastTheNotifier()
    {
        var key = "test:" + Guid.NewGuid();
        await QueueAsync("a@exemple.fr", null, key, twiceInOneUnit: false);

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(db =>
        {
            db.OutboxMessages.Add(Message("a@exemple.fr", key, app.Clock.GetUtcNow()));
            return db.SaveChangesAsync();
        }));
        Assert.NotNull(error);
    }

    [Fact]
    public async Task Dispatch_WhenTheSmtpServerIsUnreachable_RetriesLaterWithAGrowingDelay_ThenSends()
    {
        await Mail.DispatchAsync(app);
        var clock = new FakeTimeProvider(app.Clock.GetUtcNow());
        var id = await SaveMessageAsync("retry@exemple.fr");
        var failing = Dispatcher(UnreachableSmtp(), clock, maxAttempts: 5);

        Assert.Equal(1, await failing.DispatchDueAsync());
        var afterFirst = await FindAsync(id);
        Assert.Equal(1, afterFirst.Attempts);
        Assert.Null(afterFirst.SentAt);
        Assert.Null(afterFirst.LeaseId);
        Assert.Equal(clock.GetUtcNow().AddMinutes(1), afterFirst.NextAttemptAt);
        Assert.Contains("SmtpException", afterFirst.LastError);
        Assert.Equal(0, await failing.DispatchDueAsync());

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await failing.DispatchDueAsync());
        var afterSecond = await FindAsync(id);
        Assert.Equal(2, afterSecond.Attempts);
        Assert.Equal(clock.GetUtcNow().AddMinutes(2), afterSecond.NextAttemptAt);

        // The server is back (here: the pickup folder).
        clock.Advance(TimeSpan.FromMinutes(2));
        var working = Dispatcher(new PickupDirectoryTransport(app.MailFolder, "Berceau <test@berceau.localhost>"), clock, maxAttempts: 5);
        Assert.Equal(1, await working.DispatchDueAsync());
        var sent = await FindAsync(id);
        Assert.Equal(clock.GetUtcNow(), sent.SentAt);
        Assert.Equal(3, sent.Attempts);
        Assert.Null(sent.LastError);
        Assert.True(File.Exists(Path.Combine(app.MailFolder, PickupDirectoryTransport.FileName(id))));
    }

    [Fact]
    public async Task Dispatch_AfterTheLastAllowedAttempt_MarksTheMessageFailed_AndAnAdminSeesAndRetriesIt()
    {
        await Mail.DispatchAsync(app);
        var clock = new FakeTimeProvider(app.Clock.GetUtcNow());
        var recipient = $"echec.{Guid.NewGuid():N}@exemple.fr";
        var id = await SaveMessageAsync(recipient);
        var failing = Dispatcher(UnreachableSmtp(), clock, maxAttempts: 2);

        await failing.DispatchDueAsync();
        clock.Advance(TimeSpan.FromMinutes(1));
        await failing.DispatchDueAsync();
        clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(0, await failing.DispatchDueAsync());
        var failed = await FindAsync(id);
        Assert.NotNull(failed.FailedAt);
        Assert.Equal(2, failed.Attempts);

        var (adminEmail, password) = await Accounts.CreateStaffAsync(app, Berceau.Domain.Access.Roles.Admin, departement: "93");
        var admin = await Accounts.SignInAsync(app, adminEmail, password);
        var page = await Forms.TextAsync(await admin.GetAsync(NotificationsFeature.FailedPath));
        Assert.Contains(recipient, page);
        Assert.Contains("SmtpException", page);

        var retried = await Forms.PostFormToAsync(admin, NotificationsFeature.FailedPath, $"{NotificationsFeature.FailedPath}?handler=Retry&id={id}", []);
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        Assert.Single(await Mail.ReceivedAsync(app, recipient));
        Assert.NotNull((await FindAsync(id)).SentAt);
    }

    [Fact]
    public async Task FailedMessages_AreForAdminsOnly()
    {
        var (family, _, _) = await Accounts.SignInAsNewFamilyAsync(app);

        Assert.Equal(HttpStatusCode.Forbidden, (await family.GetAsync(NotificationsFeature.FailedPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Client().GetAsync(NotificationsFeature.FailedPath)).StatusCode);
    }

    [Fact]
    public async Task TwoDispatchers_RunningAtTheSameTime_NeverSendAMessageTwice()
    {
        await Mail.DispatchAsync(app);
        var ids = new List<long>();
        for (var i = 0; i < 45; i++) ids.Add(await SaveMessageAsync($"concurrence.{i}@exemple.fr"));
        var transport = new RecordingTransport();
        var first = Dispatcher(transport, app.Clock, maxAttempts: 5);
        var second = Dispatcher(transport, app.Clock, maxAttempts: 5);

        await Task.WhenAll(DrainAsync(first), DrainAsync(second));

        Assert.Equal(ids.Order(), transport.Sent.Order());
        var rows = await app.WithDbAsync(db => db.OutboxMessages.Where(m => ids.Contains(m.Id)).ToListAsync());
        Assert.All(rows, m => Assert.NotNull(m.SentAt));
        Assert.All(rows, m => Assert.Equal(1, m.Attempts));
    }

    [Fact]
    public async Task Worker_InTheBackground_SendsWhatIsQueued()
    {
        await Mail.DispatchAsync(app);
        var recipient = $"worker.{Guid.NewGuid():N}@exemple.fr";
        var worker = new OutboxWorker(app.Services.GetRequiredService<OutboxDispatcher>(),
            Options.Create(new OutboxOptions { PollSeconds = 1 }), NullLogger<OutboxWorker>.Instance);
        await worker.StartAsync(CancellationToken.None);
        try
        {
            var id = await SaveMessageAsync(recipient);
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while ((await FindAsync(id)).SentAt is null && DateTime.UtcNow < deadline)
                await Task.Delay(200);
            Assert.NotNull((await FindAsync(id)).SentAt);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
        Assert.True(File.Exists(Directory.GetFiles(app.MailFolder, "*.eml").Single(f => File.ReadAllText(f).Contains(recipient, StringComparison.Ordinal))));
    }

    private static async Task DrainAsync(OutboxDispatcher dispatcher)
    {
        while (await dispatcher.DispatchDueAsync() > 0)
        {
        }
    }

    private OutboxDispatcher Dispatcher(IMailTransport transport, TimeProvider clock, int maxAttempts) => new(
        app.Services.GetRequiredService<IServiceScopeFactory>(), transport, clock,
        Options.Create(new OutboxOptions { MaxAttempts = maxAttempts, BatchSize = 10 }), NullLogger<OutboxDispatcher>.Instance);

    /// <summary>SMTP to a port of 127.0.0.1 where nothing listens (taken from the system, then released): connection refused.</summary>
    private static SmtpTransport UnreachableSmtp()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new SmtpTransport(new SmtpOptions { Host = "127.0.0.1", Port = port, EnableSsl = false, TimeoutSeconds = 5 });
    }

    private OutboxMessage Message(string email, string key, DateTimeOffset now) => new()
    {
        Kind = "test",
        RecipientEmail = email,
        Subject = "Message de test",
        TextBody = "Bonjour,\n\nCeci est un test.",
        IdempotencyKey = key,
        CreatedAt = now,
        NextAttemptAt = now,
        // About an application of Montreuil: the admin of the 93 sees it at /admin/envois when it fails.
        CommuneCode = "93048",
    };

    private Task<long> SaveMessageAsync(string email) => app.WithDbAsync(async db =>
    {
        var message = Message(email, "test:" + Guid.NewGuid(), app.Clock.GetUtcNow());
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    });

    private Task<OutboxMessage> FindAsync(long id) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    private async Task<List<bool>> QueueAsync(string email, string? userId, string key, bool twiceInOneUnit)
    {
        var results = new List<bool>();
        await app.WithScopeAsync(async services =>
        {
            var notifier = services.GetRequiredService<Notifier>();
            var what = new OutgoingNotification("test", "Votre demande a changé", "Bonjour,\n\nVotre demande est complète.", "/famille/demandes");
            results.Add(await notifier.QueueAsync(new Recipient(email, userId), what, key));
            if (twiceInOneUnit) results.Add(await notifier.QueueAsync(new Recipient(email, userId), what, key));
            await services.GetRequiredService<Berceau.Data.BerceauDbContext>().SaveChangesAsync();
        });
        return results;
    }

    /// <summary>Stands in for the mail server (an external system): records what it was given, slowly enough for the dispatchers to overlap.</summary>
    private sealed class RecordingTransport : IMailTransport
    {
        private readonly ConcurrentQueue<long> _sent = new();

        public IEnumerable<long> Sent => _sent;

        public async Task SendAsync(OutboxMessage message, CancellationToken ct)
        {
            await Task.Delay(5, ct);
            _sent.Enqueue(message.Id);
        }
    }
}
