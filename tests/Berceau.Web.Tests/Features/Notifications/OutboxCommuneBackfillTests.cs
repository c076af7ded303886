using Berceau.Data.Notifications;
using Berceau.Domain.Access;
using Berceau.Domain.Applications;
using Berceau.Domain.Notifications;
using Berceau.Web.Features.Notifications;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Features.Notifications;

/// <summary>
/// Messages queued before the outbox recorded a commune get the commune of the application their key names (migration
/// OutboxCommuneBackfill, the same statements run here on the test's own rows), so that the commune's admins see them
/// among the failed e-mails; messages about an account itself stay without one.
/// </summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public sealed class OutboxCommuneBackfillTests(BerceauApp app)
{
    private const string Drancy = "93029";

    private async Task<Application> ApplicationAsync()
    {
        var application = new Application
        {
            Reference = $"DEM-TEST-{Guid.NewGuid():N}"[..24],
            CommuneCode = Drancy,
            CreatedAt = app.Clock.GetUtcNow(),
        };
        await app.WithDbAsync(db => { db.Applications.Add(application); return db.SaveChangesAsync(); });
        return application;
    }

    /// <summary>An e-mail given up on, queued the old way: no commune.</summary>
    private async Task<long> OldFailedMessageAsync(string key, string recipient = "ancien@exemple.fr")
    {
        var now = app.Clock.GetUtcNow();
        var message = new OutboxMessage
        {
            Kind = "application-status", RecipientEmail = recipient, Subject = "Votre demande d’accueil", TextBody = "…",
            IdempotencyKey = key, CreatedAt = now, NextAttemptAt = now, FailedAt = now, Attempts = 8, LastError = "SmtpException",
        };
        await app.WithDbAsync(db => { db.OutboxMessages.Add(message); return db.SaveChangesAsync(); });
        return message.Id;
    }

    private Task BackfillAsync() => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(OutboxCommuneBackfill.For(db)));

    private Task<string?> CommuneOfAsync(long id) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Id == id).Select(m => m.CommuneCode).SingleAsync());

    [Fact]
    public async Task EveryKindOfApplicationMessage_GetsTheCommuneOfItsApplication()
    {
        var application = await ApplicationAsync();
        var id = application.Id.Value;
        var (_, attach) = AttachCode.Issue(application.Id, app.Clock.GetUtcNow(), "agent");
        var erasure = new ErasureRequest { ApplicationId = application.Id, CommuneCode = Drancy, RequestedBy = "famille", RequestedAt = app.Clock.GetUtcNow() };
        await app.WithDbAsync(db => { db.AttachCodes.Add(attach); db.ErasureRequests.Add(erasure); return db.SaveChangesAsync(); });

        long[] messages =
        [
            await OldFailedMessageAsync($"statut:{id:N}:Submitted:{app.Clock.GetUtcNow().UtcTicks}"),
            await OldFailedMessageAsync($"confirmation:rappel:{id:N}:20261201"),
            await OldFailedMessageAsync($"confirmation:avertissement:{id:N}:20261201"),
            await OldFailedMessageAsync($"rattachement:{attach.Id:N}"),
            await OldFailedMessageAsync($"effacement:{erasure.Id:N}"),
        ];
        await BackfillAsync();

        foreach (var message in messages) Assert.Equal(Drancy, await CommuneOfAsync(message));
    }

    [Fact]
    public async Task AccountMessages_AndKeysNamingNoApplication_StayWithoutACommune()
    {
        var account = await OldFailedMessageAsync($"compte:confirmation:{Guid.NewGuid():N}");
        var unknown = await OldFailedMessageAsync($"statut:{Guid.NewGuid():N}:Submitted:1");
        var malformed = await OldFailedMessageAsync($"statut:pas-un-identifiant-{Guid.NewGuid():N}");

        await BackfillAsync();

        Assert.Null(await CommuneOfAsync(account));
        Assert.Null(await CommuneOfAsync(unknown));
        Assert.Null(await CommuneOfAsync(malformed));
    }

    [Fact]
    public async Task AMessageWithACommune_IsNotChanged()
    {
        var application = await ApplicationAsync();
        var now = app.Clock.GetUtcNow();
        var message = new OutboxMessage
        {
            Kind = "application-status", RecipientEmail = "x@exemple.fr", Subject = "s", TextBody = "…", CommuneCode = "93066",
            IdempotencyKey = $"statut:{application.Id.Value:N}:Submitted:{now.UtcTicks}", CreatedAt = now, NextAttemptAt = now,
        };
        await app.WithDbAsync(db => { db.OutboxMessages.Add(message); return db.SaveChangesAsync(); });

        await BackfillAsync();

        Assert.Equal("93066", await CommuneOfAsync(message.Id));
    }

    [Fact]
    public async Task AfterTheBackfill_TheCommunesAdminSeesTheOldFailedEmail()
    {
        var application = await ApplicationAsync();
        var recipient = $"ancien.{Guid.NewGuid():N}@exemple.fr";
        await OldFailedMessageAsync($"statut:{application.Id.Value:N}:Submitted:{app.Clock.GetUtcNow().UtcTicks}", recipient);
        var (email, password) = await Accounts.CreateStaffAsync(app, Roles.Admin, commune: Drancy);
        var admin = await Accounts.SignInAsync(app, email, password);
        Assert.DoesNotContain(recipient, await Forms.TextAsync(await admin.GetAsync(NotificationsFeature.FailedPath)));

        await BackfillAsync();

        Assert.Contains(recipient, await Forms.TextAsync(await admin.GetAsync(NotificationsFeature.FailedPath)));
    }
}
