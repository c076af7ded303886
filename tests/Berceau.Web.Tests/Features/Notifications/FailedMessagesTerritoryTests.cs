using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Notifications;
using Berceau.Web.Features.Notifications;
using Berceau.Web.Tests.Features.Applications;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Applications.ApplicationTestData;

namespace Berceau.Web.Tests.Features.Notifications;

/// <summary>
/// /admin/envois shows an admin only the failed e-mails about a commune of their territory; another territory's message is
/// neither listed nor retried (404, like an unknown id), and e-mails about an account itself are listed for nobody.
/// </summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public sealed class FailedMessagesTerritoryTests(BerceauApp app)
{
    private async Task<(long Id, string Recipient)> FailedMessageAsync(string? commune)
    {
        var recipient = $"echec.{Guid.NewGuid():N}@exemple.fr";
        var now = app.Clock.GetUtcNow();
        var message = new OutboxMessage
        {
            Kind = "application-status", RecipientEmail = recipient, Subject = "Votre demande d’accueil", TextBody = "…",
            IdempotencyKey = "test:" + Guid.NewGuid(), CreatedAt = now, NextAttemptAt = now, FailedAt = now, Attempts = 8,
            LastError = "SmtpException", CommuneCode = commune,
        };
        await app.WithDbAsync(db => { db.OutboxMessages.Add(message); return db.SaveChangesAsync(); });
        return (message.Id, recipient);
    }

    private async Task<HttpClient> AdminAsync(string? departement = null, string? commune = null)
    {
        var (email, password) = await Accounts.CreateStaffAsync(app, Roles.Admin, departement: departement, commune: commune);
        return await Accounts.SignInAsync(app, email, password);
    }

    private Task<OutboxMessage> FindAsync(long id) => app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    [Fact]
    public async Task AnAdminOfACommune_SeesTheFailedEmailsOfItsCommuneOnly()
    {
        var (_, montreuil) = await FailedMessageAsync(Montreuil);
        var (_, saintDenis) = await FailedMessageAsync(SaintDenis);
        var (_, account) = await FailedMessageAsync(null);

        var ofMontreuil = await Forms.TextAsync(await (await AdminAsync(commune: Montreuil)).GetAsync(NotificationsFeature.FailedPath));
        var ofTheDepartement = await Forms.TextAsync(await (await AdminAsync(departement: "93")).GetAsync(NotificationsFeature.FailedPath));
        var ofTheHautsDeSeine = await Forms.TextAsync(await (await AdminAsync(departement: "92")).GetAsync(NotificationsFeature.FailedPath));

        Assert.Contains(montreuil, ofMontreuil);
        Assert.DoesNotContain(saintDenis, ofMontreuil);
        Assert.Contains(montreuil, ofTheDepartement);
        Assert.Contains(saintDenis, ofTheDepartement);
        Assert.DoesNotContain(montreuil, ofTheHautsDeSeine);
        Assert.DoesNotContain(saintDenis, ofTheHautsDeSeine);
        Assert.All(new[] { ofMontreuil, ofTheDepartement, ofTheHautsDeSeine }, page => Assert.DoesNotContain(account, page));
    }

    [Fact]
    public async Task RetryingAnotherCommunesEmail_AnswersNotFound_AndChangesNothing()
    {
        var (id, _) = await FailedMessageAsync(SaintDenis);
        var admin = await AdminAsync(commune: Montreuil);

        using var response = await Forms.PostFormToAsync(admin, NotificationsFeature.FailedPath, $"{NotificationsFeature.FailedPath}?handler=Retry&id={id}", []);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var unchanged = await FindAsync(id);
        Assert.NotNull(unchanged.FailedAt);
        Assert.Equal(8, unchanged.Attempts);
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == FailedModel.AuditEntity && a.EntityId == id.ToString())));
    }

    [Fact]
    public async Task RetryingAnAccountEmail_AnswersNotFound_EvenToAnAdminOfADepartement()
    {
        var (id, _) = await FailedMessageAsync(null);
        var admin = await AdminAsync(departement: "93");

        using var response = await Forms.PostFormToAsync(admin, NotificationsFeature.FailedPath, $"{NotificationsFeature.FailedPath}?handler=Retry&id={id}", []);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotNull((await FindAsync(id)).FailedAt);
    }

    [Fact]
    public async Task TheEmailOfAStatusChange_CarriesTheCommuneOfItsApplication()
    {
        var creches = await app.CrechesAsync(Montreuil, 1);
        var (client, userId) = await app.SignedInFamilyAsync();

        var id = IdFrom(await PostAsync(client, NewPath(), ValidForm(Montreuil, creches[0].Id.ToString())));

        var message = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .SingleAsync(m => m.RecipientUserId == userId && m.Kind == "application-status"));
        Assert.Equal(Montreuil, message.CommuneCode);
        Assert.Contains(id.ToString(), message.TextBody);
    }
}
