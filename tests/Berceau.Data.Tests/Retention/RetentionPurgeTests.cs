using Berceau.Data.Api;
using Berceau.Data.Identity;
using Berceau.Data.Retention;
using Berceau.Domain.Applications;
using Berceau.Domain.Notifications;
using Berceau.Domain.Territories;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Data.Tests.Retention;

/// <summary>RULES §7 on a real SQLite database: what ended long enough ago goes, with everything attached; the rest stays.</summary>
public sealed class RetentionPurgeTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase _database = new();
    private readonly RetentionPolicy _policy = new(EndedApplicationMonths: 6, IdempotencyKeyDays: 30, MessageDays: 365, ReadNotificationDays: 365);

    public void Dispose() => _database.Dispose();

    private async Task<string> SeedAsync()
    {
        await using var db = _database.Open();
        db.Departements.Add(new Departement { Code = "93", Name = "Seine-Saint-Denis" });
        db.Communes.Add(new Commune { Code = "93048", Name = "Montreuil", DepartementCode = "93" });
        var user = new BerceauUser { UserName = "famille@test.fr", Email = "famille@test.fr", DisplayName = "Famille", CreatedAt = Now };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    /// <summary>An application submitted a year ago, then moved to <paramref name="status"/> on <paramref name="endedAt"/> (through the domain).</summary>
    private async Task<Application> ApplicationAsync(string userId, string reference, ApplicationStatus? status, DateTimeOffset endedAt, bool withProof = false)
    {
        var created = Now.AddYears(-1);
        var application = new Application { Reference = reference, FamilyUserId = userId, CommuneCode = "93048", CreatedAt = created };
        Assert.True(application.Move(ApplicationStatus.Submitted, created, userId).IsSuccess);
        if (status is { } to) Assert.True(application.Move(to, endedAt, "guichet", "motif").IsSuccess);
        await using var db = _database.Open();
        db.Applications.Add(application);
        if (withProof)
            db.ApplicationDocuments.Add(new ApplicationDocument
            {
                ApplicationId = application.Id, FileName = "a.pdf", ContentType = "application/pdf", Content = [1], Size = 1, UploadedAt = created, UploadedBy = userId,
            });
        db.IdempotentRequests.Add(new IdempotentRequest
        {
            UserId = userId, Key = reference, RequestHash = "h", StatusCode = 201, ResponseBody = "{}", ApplicationId = application.Id.Value, CreatedAt = Now.AddDays(-1),
        });
        await db.SaveChangesAsync();
        return application;
    }

    [Fact]
    public async Task Purge_DeletesApplicationsEndedWithoutAdmissionLongAgo_WithTheirProofsAndStoredAnswers_AndKeepsTheRest()
    {
        var userId = await SeedAsync();
        _ = await ApplicationAsync(userId, "DEM-1", ApplicationStatus.Cancelled, Now.AddMonths(-7), withProof: true);
        _ = await ApplicationAsync(userId, "DEM-2", ApplicationStatus.Lapsed, Now.AddMonths(-6));
        var recentCancelled = await ApplicationAsync(userId, "DEM-3", ApplicationStatus.Cancelled, Now.AddMonths(-5));
        var waiting = await ApplicationAsync(userId, "DEM-4", null, Now);
        await using (var db = _database.Open())
        {
            db.IdempotentRequests.Add(new IdempotentRequest { UserId = userId, Key = "vieille", RequestHash = "h", CreatedAt = Now.AddDays(-31) });
            await db.SaveChangesAsync();
        }

        await using (var db = _database.Open())
        {
            var dryRun = await RetentionPurge.RunAsync(db, _policy, Now, dryRun: true);
            Assert.Equal(new[] { "DEM-1", "DEM-2" }, dryRun.References);
            Assert.Equal((2, 1, 3), (dryRun.Applications, dryRun.Documents, dryRun.IdempotencyKeys));
        }
        await using (var db = _database.Open())
        {
            Assert.Equal(4, await db.Applications.CountAsync());
            var purged = await RetentionPurge.RunAsync(db, _policy, Now, dryRun: false);
            Assert.Equal(2, purged.Applications);
        }

        await using var after = _database.Open();
        Assert.Equal(new[] { recentCancelled.Id, waiting.Id }.OrderBy(i => i.Value), (await after.Applications.Select(a => a.Id).ToListAsync()).OrderBy(i => i.Value));
        Assert.Empty(await after.ApplicationDocuments.ToListAsync());
        Assert.Equal(["DEM-3", "DEM-4"], (await after.IdempotentRequests.Select(r => r.Key).ToListAsync()).Order());
        // The owned history rows went with their applications: 2 left for the recent cancelled one, 1 for the waiting one.
        Assert.Equal(3, await after.Database.SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM ApplicationStatusChanges").SingleAsync());
        Assert.Contains(await after.AuditEntries.ToListAsync(), a => a.Action == "purge" && a.Details!.StartsWith("2 demande(s)"));
    }

    private static OutboxMessage Message(string key, DateTimeOffset created, DateTimeOffset? sent = null, DateTimeOffset? failed = null) => new()
    {
        Kind = "test", RecipientEmail = "famille@test.fr", Subject = "Votre demande", TextBody = "…", IdempotencyKey = key,
        CreatedAt = created, NextAttemptAt = created, SentAt = sent, FailedAt = failed,
    };

    private static Notification Note(string userId, string title, DateTimeOffset created, DateTimeOffset? read)
    {
        var notification = new Notification { UserId = userId, Kind = "test", Title = title, Body = "…", CreatedAt = created };
        if (read is { } at) notification.MarkRead(at);
        return notification;
    }

    [Fact]
    public async Task Purge_DeletesEmailsSentOrGivenUpOnAndNotificationsReadMoreThanAYearAgo_AndKeepsPendingAndUnreadOnes()
    {
        var userId = await SeedAsync();
        var yearAndADay = Now.AddDays(-366);
        await using (var db = _database.Open())
        {
            var old = Message("envoye-vieux", yearAndADay, sent: yearAndADay);
            var recent = Message("envoye-recent", Now.AddDays(-364), sent: Now.AddDays(-364));
            // Attachments (an invitation's .ics) go with their message: the database's cascade, since the purge deletes in bulk.
            old.Attachments.Add(new OutboxAttachment { FileName = "vieux.ics", ContentType = "text/calendar", Content = [1] });
            recent.Attachments.Add(new OutboxAttachment { FileName = "recent.ics", ContentType = "text/calendar", Content = [2] });
            db.OutboxMessages.AddRange(
                old,
                Message("abandonne-vieux", yearAndADay, failed: yearAndADay),
                recent,
                // Never sent: it is still owed to the person, whatever its age.
                Message("en-attente-vieux", yearAndADay));
            db.Notifications.AddRange(
                Note(userId, "lue-vieille", yearAndADay, read: yearAndADay),
                Note(userId, "lue-recente", yearAndADay, read: Now.AddDays(-10)),
                Note(userId, "non-lue-vieille", yearAndADay, read: null));
            await db.SaveChangesAsync();
        }

        await using (var db = _database.Open())
        {
            var dryRun = await RetentionPurge.RunAsync(db, _policy, Now, dryRun: true);
            Assert.Equal((2, 1), (dryRun.Messages, dryRun.Notifications));
            Assert.Equal(4, await db.OutboxMessages.CountAsync());
            Assert.Equal(3, await db.Notifications.CountAsync());
        }
        await using (var db = _database.Open())
        {
            var purged = await RetentionPurge.RunAsync(db, _policy, Now, dryRun: false);
            Assert.Equal((false, 2, 1), (purged.DryRun, purged.Messages, purged.Notifications));
        }

        await using var after = _database.Open();
        Assert.Equal(["en-attente-vieux", "envoye-recent"], (await after.OutboxMessages.Select(m => m.IdempotencyKey).ToListAsync()).Order());
        Assert.Equal(["lue-recente", "non-lue-vieille"], (await after.Notifications.Select(n => n.Title).ToListAsync()).Order());
        Assert.Equal(["recent.ics"], await after.OutboxAttachments.Select(a => a.FileName).ToListAsync());
        var audit = Assert.Single(await after.AuditEntries.Where(a => a.Action == "purge").ToListAsync());
        Assert.Contains("2 e-mail(s) envoyé(s) ou abandonné(s) depuis plus de 365 jours", audit.Details);
        Assert.Contains("1 notification(s) lue(s) depuis plus de 365 jours", audit.Details);
    }

    [Fact]
    public async Task Purge_ForgetsProviderSessionsOpenedMoreThanThirtyDaysAgo_AndKeepsRecentOnesAndOtherTokens()
    {
        var userId = await SeedAsync();
        await using (var db = _database.Open())
        {
            db.UserTokens.AddRange(
                Token("sid:ancienne", ExternalSessionTokens.Value(Now.AddDays(-31))),
                Token("sid:limite", ExternalSessionTokens.Value(Now.AddDays(-29))),
                Token("sid:hier", ExternalSessionTokens.Value(Now.AddDays(-1))),
                Token("AuthenticatorKey", "CLEDESECRET"));
            await db.SaveChangesAsync();
        }

        await using (var db = _database.Open())
        {
            Assert.Equal(1, (await RetentionPurge.RunAsync(db, _policy, Now, dryRun: true)).ExternalSessions);
            Assert.Equal(4, await db.UserTokens.CountAsync());
            Assert.Equal(1, (await RetentionPurge.RunAsync(db, _policy, Now, dryRun: false)).ExternalSessions);
        }

        await using var after = _database.Open();
        Assert.Equal(["AuthenticatorKey", "sid:hier", "sid:limite"], (await after.UserTokens.Select(t => t.Name).ToListAsync()).Order());
        var audit = Assert.Single(await after.AuditEntries.Where(a => a.Action == "purge").ToListAsync());
        Assert.Contains("1 session(s) FranceConnect ou ProConnect ouverte(s) depuis plus de 30 jours", audit.Details);

        Microsoft.AspNetCore.Identity.IdentityUserToken<string> Token(string name, string value) =>
            new() { UserId = userId, LoginProvider = "FranceConnect", Name = name, Value = value };
    }

    [Fact]
    public void ThePolicy_KeepsEmailsAndReadNotificationsOneYear_ByDefault()
    {
        var policy = new RetentionPolicy();

        Assert.Equal(Now.AddDays(-365), policy.MessagesDoneBefore(Now));
        Assert.Equal(Now.AddDays(-365), policy.NotificationsReadBefore(Now));
        Assert.Equal(Now.AddDays(-30), policy.ExternalSessionsOpenedBefore(Now));
    }
}
