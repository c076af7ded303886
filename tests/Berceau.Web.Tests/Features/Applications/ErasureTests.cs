using System.Net;
using Berceau.Domain.Applications;
using Berceau.Web.Features.Applications;
using Berceau.Web.Tests.Features.Applications.BackOffice;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Applications.ApplicationTestData;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;

namespace Berceau.Web.Tests.Features.Applications;

/// <summary>
/// The right to erasure end to end: the family asks from its application page, the commune's guichet erases or refuses
/// with a reason, the family is told and reads the answer; everything audited, and every bad step changes nothing.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class ErasureTests(BerceauApp app)
{
    private sealed record Family(HttpClient Client, string UserId, string Email, Guid Id, string Reference);

    private static string FamilyPath(Guid id) => $"/famille/demandes/{id}/effacement";
    private static string AgentPath(Guid requestId) => $"/pro/effacements/{requestId}";

    /// <summary>A family with a submitted application in Montreuil, a proof, a note and a contact of the guichet.</summary>
    private async Task<Family> FamilyWithFileAsync()
    {
        var (email, password) = await Accounts.CreateFamilyAsync(app);
        var client = await Accounts.SignInAsync(app, email, password);
        var userId = await Accounts.UserIdAsync(app, email);
        var (id, reference, _) = await app.SubmittedForAsync(userId, Montreuil, Today.AddDays(-20));
        using var upload = await ProofFiles.UploadAsync(client, id, "Address", ProofFiles.Pdf(), "domicile.pdf");
        await app.WithDbAsync(db =>
        {
            db.ApplicationNotes.Add(new ApplicationNote { ApplicationId = new ApplicationId(id), At = BerceauApp.Now, By = "agent-test", Text = "Appeler la mère." });
            db.ApplicationContacts.Add(new ApplicationContact
            {
                ApplicationId = new ApplicationId(id), On = Today, Kind = ContactKind.PhoneCall, Outcome = ContactOutcome.Reached,
                Comment = "Toujours besoin d’une place.", RecordedAt = BerceauApp.Now, By = "agent-test",
            });
            return db.SaveChangesAsync();
        });
        return new Family(client, userId, email, id, reference);
    }

    private static Task<HttpResponseMessage> RequestAsync(Family family, string reason = "") =>
        Forms.PostFormAsync(family.Client, FamilyPath(family.Id), ("Reason", reason));

    private Task<List<ErasureRequest>> RequestsAsync(Guid id) =>
        app.WithDbAsync(db => db.ErasureRequests.AsNoTracking().Where(r => r.ApplicationId == new ApplicationId(id)).ToListAsync());

    private async Task<Guid> RequestedAsync(Family family, string reason = "")
    {
        using var response = await RequestAsync(family, reason);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Assert.Single(await RequestsAsync(family.Id)).Id;
    }

    private static Task<HttpResponseMessage> EraseAsync(HttpClient agent, Guid requestId) =>
        Forms.PostFormToAsync(agent, AgentPath(requestId), AgentPath(requestId) + "?handler=Erase", []);

    private static Task<HttpResponseMessage> RefuseAsync(HttpClient agent, Guid requestId, string reason) =>
        Forms.PostFormToAsync(agent, AgentPath(requestId), AgentPath(requestId) + "?handler=Refuse", [KeyValuePair.Create("Refusal", reason)]);

    private Task<List<string>> NotificationKindsAsync(string userId) =>
        app.WithDbAsync(db => db.OutboxMessages.Where(m => m.RecipientUserId == userId).Select(m => m.Kind).ToListAsync());

    [Fact]
    public async Task Family_RequestsErasure_AfterAConfirmationPage_AndTheGuichetSeesItInItsQueue()
    {
        var family = await FamilyWithFileAsync();
        using var agent = await app.SignedInAgentAsync();

        var details = await Forms.TextAsync(await family.Client.GetAsync($"/famille/demandes/{family.Id}"));
        var confirmation = await Forms.TextAsync(await family.Client.GetAsync(FamilyPath(family.Id)));
        using var response = await RequestAsync(family, "Nous déménageons à Lyon.");

        Assert.Contains("Demander l’effacement de mes données", details);
        Assert.Contains("Demander l’effacement de vos données", confirmation);
        Assert.Contains("l’effacement l’annule définitivement", confirmation);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var request = Assert.Single(await RequestsAsync(family.Id));
        Assert.Equal((ErasureState.Pending, "Nous déménageons à Lyon.", family.UserId, Montreuil), (request.State, request.Reason, request.RequestedBy, request.CommuneCode));
        Assert.Contains(await app.AuditOfAsync(family.Id), a => a.Action == ApplicationAudit.ErasureRequested);
        var followed = await Forms.TextAsync(await family.Client.GetAsync($"/famille/demandes/{family.Id}"));
        Assert.Contains("Votre demande d’effacement est transmise au guichet", followed);
        Assert.Contains("Vous avez demandé l’effacement des données de cette demande le", followed);
        var queue = await Forms.TextAsync(await agent.GetAsync("/pro/effacements"));
        Assert.Contains(family.Reference, queue);
        Assert.Contains($"/pro/effacements/{request.Id}", queue);
        Assert.Contains("Demandes d’effacement des données (", await Forms.TextAsync(await agent.GetAsync("/pro/demandes")));
        Assert.Contains("Répondre à la demande d’effacement", await Forms.TextAsync(await agent.GetAsync($"/pro/demandes/{family.Id}")));
        Assert.Contains("Nous déménageons à Lyon.", await Forms.TextAsync(await agent.GetAsync(AgentPath(request.Id))));
    }

    [Fact]
    public async Task Agent_Erases_ThePersonalDataGo_WhatIsNotPersonalStays_AndTheFamilyIsTold()
    {
        var family = await FamilyWithFileAsync();
        var before = await app.StoredAsync(family.Id);
        var requestId = await RequestedAsync(family);
        using var agent = await app.SignedInAgentAsync();

        using var response = await EraseAsync(agent, requestId);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await app.StoredAsync(family.Id);
        Assert.NotNull(after.ErasedAt);
        Assert.Equal(ApplicationStatus.Cancelled, after.Status);
        Assert.Equal(Application.ErasedReason, after.StatusChanges.OrderBy(c => c.At).Last().Reason);
        Assert.Null(after.ChildFirstName);
        Assert.Null(after.ChildLastName);
        Assert.Null(after.ChildBirthDate);
        Assert.Null(after.Street);
        Assert.Null(after.PostalCode);
        Assert.All(after.Guardians, g => Assert.Null(g.FirstName ?? g.LastName));
        // Kept for statistics, naming no one.
        Assert.Equal(before.Guardians.Select(g => g.Situation), after.Guardians.Select(g => g.Situation));
        Assert.Equal(before.RankedWishes.Select(w => w.FacilityId), after.RankedWishes.Select(w => w.FacilityId));
        Assert.Equal((Montreuil, before.Reference, before.Days), (after.CommuneCode, after.Reference, after.Days));
        var key = new ApplicationId(family.Id);
        Assert.Equal((0, 0, 0), await app.WithDbAsync(async db => (
            await db.ApplicationDocuments.CountAsync(d => d.ApplicationId == key),
            await db.ApplicationNotes.CountAsync(n => n.ApplicationId == key),
            await db.ApplicationContacts.CountAsync(c => c.ApplicationId == key))));
        var request = Assert.Single(await RequestsAsync(family.Id));
        Assert.Equal(ErasureState.Erased, request.State);
        Assert.NotNull(request.HandledBy);
        Assert.Contains(await app.AuditOfAsync(family.Id), a => a.Action == ApplicationAudit.Erased);
        var mail = Assert.Single(await Mail.ReceivedAsync(app, family.Email), m => m.Contains("le guichet a effacé", StringComparison.Ordinal));
        Assert.Contains(family.Reference, mail);
        var page = await Forms.TextAsync(await family.Client.GetAsync($"/famille/demandes/{family.Id}"));
        Assert.Contains("Les données personnelles de cette demande ont été effacées le", page);
        Assert.DoesNotContain("Demander l’effacement de mes données", page);
        Assert.DoesNotContain("domicile.pdf", page);
        Assert.Equal(HttpStatusCode.Redirect, (await family.Client.GetAsync(FamilyPath(family.Id))).StatusCode);
        Assert.Contains("Données effacées – Montreuil", await Forms.TextAsync(await family.Client.GetAsync("/famille/demandes")));
        var json = await (await family.Client.GetAsync($"/famille/demandes/{family.Id}?handler=Export")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Noé", json);
        Assert.DoesNotContain("3 rue Test", json);
    }

    [Fact]
    public async Task Agent_Refuses_WithAReason_TheFamilyReadsIt_AndNothingIsErased()
    {
        var family = await FamilyWithFileAsync();
        var requestId = await RequestedAsync(family);
        using var agent = await app.SignedInAgentAsync();

        using var response = await RefuseAsync(agent, requestId, "Une décision de la commission fait l’objet d’un recours.");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var request = Assert.Single(await RequestsAsync(family.Id));
        Assert.Equal((ErasureState.Refused, "Une décision de la commission fait l’objet d’un recours."), (request.State, request.Response));
        var after = await app.StoredAsync(family.Id);
        Assert.Null(after.ErasedAt);
        Assert.Equal("Noé", after.ChildFirstName);
        Assert.Equal(ApplicationStatus.Submitted, after.Status);
        Assert.Contains(await app.AuditOfAsync(family.Id), a => a.Action == ApplicationAudit.ErasureRefused && a.Details == request.Response);
        Assert.Contains("erasure", await NotificationKindsAsync(family.UserId));
        var mail = Assert.Single(await Mail.ReceivedAsync(app, family.Email), m => m.Contains("Le guichet ne peut pas effacer", StringComparison.Ordinal));
        Assert.Contains("Motif : Une décision de la commission fait l’objet d’un recours.", mail);
        var page = await Forms.TextAsync(await family.Client.GetAsync($"/famille/demandes/{family.Id}"));
        Assert.Contains("a refusé le", page);
        Assert.Contains("Une décision de la commission fait l’objet d’un recours.", page);
        // After a refusal the family may ask again.
        Assert.Contains("Demander l’effacement de mes données", page);
    }

    [Fact]
    public async Task Refusal_WithoutAReason_IsRefused_AndNothingChanges()
    {
        var family = await FamilyWithFileAsync();
        var requestId = await RequestedAsync(family);
        using var agent = await app.SignedInAgentAsync();

        using var response = await RefuseAsync(agent, requestId, "   ");

        Assert.Contains(await Forms.ErrorSummaryAsync(response), e => e.StartsWith("Indiquez pourquoi les données ne peuvent pas être effacées", StringComparison.Ordinal));
        Assert.Equal(ErasureState.Pending, Assert.Single(await RequestsAsync(family.Id)).State);
        Assert.DoesNotContain("erasure", await NotificationKindsAsync(family.UserId));
        Assert.DoesNotContain(await app.AuditOfAsync(family.Id), a => a.Action == ApplicationAudit.ErasureRefused);
    }

    [Fact]
    public async Task ASecondRequest_WhileOneIsPending_IsRefused()
    {
        var family = await FamilyWithFileAsync();
        await RequestedAsync(family);

        // A second tab opened before the first request: the form is posted again.
        var token = await Forms.AntiforgeryTokenAsync(family.Client, "/famille/demandes/nouvelle");
        using var second = await family.Client.PostAsync(FamilyPath(family.Id),
            new FormUrlEncodedContent([KeyValuePair.Create(Forms.TokenField, token), KeyValuePair.Create("Reason", "Encore")]));

        Assert.Contains(await Forms.ErrorSummaryAsync(second), e => e.StartsWith("Vous avez déjà demandé l’effacement", StringComparison.Ordinal));
        Assert.Single(await RequestsAsync(family.Id));
        Assert.Single(await app.AuditOfAsync(family.Id), a => a.Action == ApplicationAudit.ErasureRequested);
    }

    [Fact]
    public async Task AnotherFamily_CannotRequestTheErasureOfSomeoneElsesApplication()
    {
        var family = await FamilyWithFileAsync();
        var (other, _) = await app.SignedInFamilyAsync();
        var token = await Forms.AntiforgeryTokenAsync(other, "/famille/demandes/nouvelle");

        using var page = await other.GetAsync(FamilyPath(family.Id));
        using var post = await other.PostAsync(FamilyPath(family.Id), new FormUrlEncodedContent([KeyValuePair.Create(Forms.TokenField, token)]));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Empty(await RequestsAsync(family.Id));
    }

    [Fact]
    public async Task AVisitor_IsAskedToSignIn()
    {
        var family = await FamilyWithFileAsync();

        using var response = await app.Client().GetAsync(FamilyPath(family.Id));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/compte/connexion", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task AnAgentOfAnotherCommune_NeitherSeesNorAnswers_AndNothingChanges()
    {
        var family = await FamilyWithFileAsync();
        var requestId = await RequestedAsync(family);
        using var stranger = await app.SignedInAgentAsync(SaintDenis);

        var queue = await Forms.TextAsync(await stranger.GetAsync("/pro/effacements"));
        using var page = await stranger.GetAsync(AgentPath(requestId));
        var token = await Forms.AntiforgeryTokenAsync(stranger, "/pro/effacements");
        using var erase = await stranger.PostAsync(AgentPath(requestId) + "?handler=Erase", new FormUrlEncodedContent([KeyValuePair.Create(Forms.TokenField, token)]));
        using var refuse = await stranger.PostAsync(AgentPath(requestId) + "?handler=Refuse",
            new FormUrlEncodedContent([KeyValuePair.Create(Forms.TokenField, token), KeyValuePair.Create("Refusal", "Non.")]));

        Assert.DoesNotContain(family.Reference, queue);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, erase.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, refuse.StatusCode);
        Assert.Equal(ErasureState.Pending, Assert.Single(await RequestsAsync(family.Id)).State);
        Assert.Null((await app.StoredAsync(family.Id)).ErasedAt);
    }

    [Fact]
    public async Task Erasure_WhileAPlaceIsOffered_IsRefusedByTheDomain_AndNothingChanges()
    {
        var family = await FamilyWithFileAsync();
        var requestId = await RequestedAsync(family);
        await app.WithDbAsync(async db =>
        {
            var application = await db.Applications.Include(a => a.StatusChanges).SingleAsync(a => a.Id == new ApplicationId(family.Id));
            foreach (var to in new[] { ApplicationStatus.Complete, ApplicationStatus.InCommittee, ApplicationStatus.Offered })
                Assert.True(application.Move(to, BerceauApp.Now, "agent-test").IsSuccess);
            return await db.SaveChangesAsync();
        });
        using var agent = await app.SignedInAgentAsync();

        var page = await Forms.TextAsync(await agent.GetAsync(AgentPath(requestId)));
        using var response = await EraseAsync(agent, requestId);

        Assert.Contains("une place est en jeu", page);
        Assert.DoesNotContain("Effacer les données de la demande", page);
        Assert.Contains(await Forms.ErrorSummaryAsync(response), e => e.StartsWith("La demande est « Proposée »", StringComparison.Ordinal));
        var after = await app.StoredAsync(family.Id);
        Assert.Equal((ApplicationStatus.Offered, "Noé", (DateTimeOffset?)null), (after.Status, after.ChildFirstName, after.ErasedAt));
        Assert.Equal(ErasureState.Pending, Assert.Single(await RequestsAsync(family.Id)).State);
        Assert.Equal(1, await app.WithDbAsync(db => db.ApplicationDocuments.CountAsync(d => d.ApplicationId == new ApplicationId(family.Id))));
    }

    [Fact]
    public async Task AnsweringARequestTwice_TheSecondAnswerIsRefused()
    {
        var family = await FamilyWithFileAsync();
        var requestId = await RequestedAsync(family);
        using var agent = await app.SignedInAgentAsync();
        using var first = await RefuseAsync(agent, requestId, "Recours en cours.");

        using var second = await EraseAsync(agent, requestId);

        Assert.Contains(await Forms.ErrorSummaryAsync(second), e => e.StartsWith("Cette demande d’effacement a déjà reçu une réponse", StringComparison.Ordinal));
        Assert.Equal(ErasureState.Refused, Assert.Single(await RequestsAsync(family.Id)).State);
        Assert.Null((await app.StoredAsync(family.Id)).ErasedAt);
    }
}
