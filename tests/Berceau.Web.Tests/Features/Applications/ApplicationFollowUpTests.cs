using System.Globalization;
using System.Net;
using System.Text.Json;
using Berceau.Domain.Applications;
using Berceau.Web.Features.Applications;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Applications.ApplicationTestData;

namespace Berceau.Web.Tests.Features.Applications;

/// <summary>After submitting, the family follows its application: confirms it, changes its wishes, withdraws it, downloads its data.</summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public sealed class ApplicationFollowUpTests(BerceauApp app)
{
    private static string V(int version) => version.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Confirm_WhenThreeMonthsHavePassed_RestartsTheClock_AndIsOnTheTimeline()
    {
        var creches = await app.CrechesAsync(Montreuil, 1);
        var (client, userId) = await app.SignedInFamilyAsync();
        var id = await app.SubmittedAsync(userId, creches, Today.AddMonths(-3).AddDays(-2));
        var before = await app.StoredAsync(id);
        var page = await Forms.TextAsync(await client.GetAsync($"/famille/demandes/{id}"));

        using var response = await Forms.PostFormToAsync(client, $"/famille/demandes/{id}", $"/famille/demandes/{id}?handler=Confirm",
            [KeyValuePair.Create("version", V(before.Version))]);

        Assert.Contains("Confirmez votre demande", page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await app.StoredAsync(id);
        Assert.Equal(Today, after.LastConfirmedOn);
        Assert.Equal(ApplicationEventKind.Confirmed, Assert.Single(after.Events).Kind);
        Assert.Contains(ApplicationAudit.Confirmed, (await app.AuditOfAsync(id)).Select(a => a.Action));
        var followed = await Forms.TextAsync(await client.GetAsync($"/famille/demandes/{id}"));
        Assert.Contains("Demande confirmée", followed);
        Assert.DoesNotContain("Je confirme ma demande", followed);
    }

    [Fact]
    public async Task Confirm_BeforeItIsDue_IsRefused_AndNothingChanges()
    {
        var creches = await app.CrechesAsync(Montreuil, 1);
        var (client, userId) = await app.SignedInFamilyAsync();
        var id = await app.SubmittedAsync(userId, creches, Today.AddDays(-10));
        var before = await app.StoredAsync(id);

        using var response = await Forms.PostFormToAsync(client, $"/famille/demandes/{id}", $"/famille/demandes/{id}?handler=Confirm",
            [KeyValuePair.Create("version", V(before.Version))]);

        Assert.Contains(await Forms.ErrorSummaryAsync(response), e => e.StartsWith("Votre demande n’est pas encore à confirmer", StringComparison.Ordinal));
        Assert.Equal(before.LastConfirmedOn, (await app.StoredAsync(id)).LastConfirmedOn);
    }

    [Fact]
    public async Task AStatusChange_IsSentToTheFamily_ByEMailAndInItsAccount_Once()
    {
        var creches = await app.CrechesAsync(Montreuil, 1);
        var (email, password) = await Accounts.CreateFamilyAsync(app);
        var client = await Accounts.SignInAsync(app, email, password);
        var userId = await Accounts.UserIdAsync(app, email);
        var id = await app.SubmittedAsync(userId, creches, Today.AddDays(-10));
        var before = await app.StoredAsync(id);

        using var response = await Forms.PostFormAsync(client, $"/famille/demandes/{id}/retirer", ("Version", V(before.Version)), ("Reason", ""));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mail = await Mail.SingleReceivedAsync(app, email);
        Assert.Contains("Votre demande d’accueil : Annulée", mail);
        Assert.Contains($"/famille/demandes/{id}", Mail.LinkTo(mail, "/famille/demandes/"));
        var inApp = await app.WithDbAsync(db => db.Notifications.Where(n => n.UserId == userId).ToListAsync());
        Assert.Equal($"/famille/demandes/{id}", Assert.Single(inApp).Link);
        Assert.Single(await Mail.ReceivedAsync(app, email));  // dispatching again sends nothing twice
    }

    [Fact]
    public async Task Withdraw_WithAReason_CancelsTheApplication_AndRecordsWhoWhenAndWhy()
    {
        var creches = await app.CrechesAsync(Montreuil, 1);
        var (client, userId) = await app.SignedInFamilyAsync();
        var id = await app.SubmittedAsync(userId, creches, Today.AddDays(-10));
        var before = await app.StoredAsync(id);
        var page = await Forms.TextAsync(await client.GetAsync($"/famille/demandes/{id}/retirer"));

        using var response = await Forms.PostFormAsync(client, $"/famille/demandes/{id}/retirer",
            ("Version", V(before.Version)), ("Reason", "Nous avons trouvé une assistante maternelle."));

        Assert.Contains("Voulez-vous vraiment retirer votre demande ?", page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await app.StoredAsync(id);
        Assert.Equal(ApplicationStatus.Cancelled, after.Status);
        var change = after.StatusChanges.OrderBy(c => c.At).Last();
        Assert.Equal((ApplicationStatus.Submitted, ApplicationStatus.Cancelled, userId, "Nous avons trouvé une assistante maternelle."),
            (change.From, change.To, change.By, change.Reason));
        Assert.Contains((await app.AuditOfAsync(id)), a => a.Action == ApplicationAudit.StatusChanged && a.Details!.Contains("Annulée", StringComparison.Ordinal));
        var followed = await Forms.TextAsync(await client.GetAsync($"/famille/demandes/{id}"));
        Assert.Contains("Annulée", followed);
        Assert.DoesNotContain("Retirer ma demande", followed);
    }

    [Fact]
    public async Task Withdraw_WithoutReason_IsAllowed_AndAGivenReasonIsWritten()
    {
        var creches = await app.CrechesAsync(Montreuil, 1);
        var (client, userId) = await app.SignedInFamilyAsync();
        var id = await app.SubmittedAsync(userId, creches, Today.AddDays(-10));

        await Forms.PostFormAsync(client, $"/famille/demandes/{id}/retirer", ("Version", V((await app.StoredAsync(id)).Version)), ("Reason", ""));

        var after = await app.StoredAsync(id);
        Assert.Equal(ApplicationStatus.Cancelled, after.Status);
        Assert.Equal(Application.WithdrawnWithoutReason, after.StatusChanges.OrderBy(c => c.At).Last().Reason);
    }

    [Fact]
    public async Task Withdraw_ACancelledApplication_IsRefusedByTheDomain()
    {
        var creches = await app.CrechesAsync(Montreuil, 1);
        var (client, userId) = await app.SignedInFamilyAsync();
        var id = await app.SubmittedAsync(userId, creches, Today.AddDays(-10));
        await Forms.PostFormAsync(client, $"/famille/demandes/{id}/retirer", ("Version", V((await app.StoredAsync(id)).Version)), ("Reason", "Une fois"));
        var version = (await app.StoredAsync(id)).Version;
        var token = Forms.AntiforgeryToken(await (await client.GetAsync("/famille/demandes/nouvelle")).Content.ReadAsStringAsync())!;

        using var again = await client.PostAsync($"/famille/demandes/{id}/retirer", new FormUrlEncodedContent(
            [KeyValuePair.Create("Version", V(version)), KeyValuePair.Create("Reason", "Deux fois"), KeyValuePair.Create(Forms.TokenField, token)]));

        Assert.Contains(await Forms.ErrorSummaryAsync(again), e => e.StartsWith("Cette demande est « Annulée » : elle ne peut plus changer", StringComparison.Ordinal));
        Assert.Equal(2, (await app.StoredAsync(id)).StatusChanges.Count);
    }

    [Fact]
    public async Task ChangeWishes_AfterSubmitting_ReranksThem_AndDuplicatesAreRefused()
    {
        var creches = await app.CrechesAsync(Montreuil, 3);
        var (client, userId) = await app.SignedInFamilyAsync();
        var id = await app.SubmittedAsync(userId, creches.Take(1).ToList(), Today.AddDays(-10));
        var version = (await app.StoredAsync(id)).Version;
        var url = $"/famille/demandes/{id}/voeux";

        using var duplicated = await Forms.PostFormAsync(client, url, ("Input.Version", V(version)),
            ("Input.Wishes[0]", creches[1].Id.ToString()), ("Input.Wishes[1]", creches[1].Id.ToString()));
        var unchanged = await app.StoredAsync(id);
        using var changed = await Forms.PostFormAsync(client, url, ("Input.Version", V(version)),
            ("Input.Wishes[0]", creches[2].Id.ToString()), ("Input.Wishes[1]", ""), ("Input.Wishes[2]", creches[0].Id.ToString()));

        Assert.Contains("Le choix n° 2 est déjà dans votre liste : chaque crèche n’apparaît qu’une fois.", await Forms.ErrorSummaryAsync(duplicated));
        Assert.Equal([creches[0].Id], unchanged.RankedWishes.Select(w => w.FacilityId!.Value));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var after = await app.StoredAsync(id);
        Assert.Equal([creches[2].Id, creches[0].Id], after.RankedWishes.Select(w => w.FacilityId!.Value));
        Assert.Contains(after.Events, e => e.Kind == ApplicationEventKind.WishesChanged);
    }

    [Fact]
    public async Task ChangeWishes_FromAStaleForm_IsRefused_NotOverwritten()
    {
        var creches = await app.CrechesAsync(Montreuil, 2);
        var (client, userId) = await app.SignedInFamilyAsync();
        var id = await app.SubmittedAsync(userId, creches.Take(1).ToList(), Today.AddDays(-10));
        var stale = (await app.StoredAsync(id)).Version - 1;

        using var response = await Forms.PostFormAsync(client, $"/famille/demandes/{id}/voeux", ("Input.Version", V(stale)),
            ("Input.Wishes[0]", creches[1].Id.ToString()));

        Assert.Contains(await Forms.ErrorSummaryAsync(response), e => e.StartsWith("Votre demande a été modifiée entre-temps", StringComparison.Ordinal));
        Assert.Equal(creches[0].Id, (await app.StoredAsync(id)).RankedWishes.Single().FacilityId);
    }

    [Fact]
    public async Task Export_GivesTheFamilyItsDataAsJson_AndIsAudited()
    {
        var creches = await app.CrechesAsync(Montreuil, 1);
        var (client, userId) = await app.SignedInFamilyAsync();
        var id = await app.SubmittedAsync(userId, creches, Today.AddDays(-10));

        using var response = await client.GetAsync($"/famille/demandes/{id}?handler=Export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Déposée", json.RootElement.GetProperty("statut").GetString());
        Assert.Equal("Bernard", json.RootElement.GetProperty("enfant").GetProperty("nom").GetString());
        Assert.Equal(creches[0].Name, json.RootElement.GetProperty("voeux")[0].GetProperty("libelle").GetString());
        Assert.Equal("Déposée", json.RootElement.GetProperty("historique")[0].GetProperty("vers").GetString());
        Assert.Equal("Vous", json.RootElement.GetProperty("historique")[0].GetProperty("par").GetString());
        Assert.Contains(ApplicationAudit.Exported, (await app.AuditOfAsync(id)).Select(a => a.Action));
    }
}
