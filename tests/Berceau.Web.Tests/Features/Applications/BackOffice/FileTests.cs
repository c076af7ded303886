using System.Net;
using Berceau.Domain.Applications;
using Berceau.Web.Features.Applications;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Applications.ApplicationTestData;
using static Berceau.Web.Tests.Features.Applications.BackOffice.BackOfficeTestData;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;

namespace Berceau.Web.Tests.Features.Applications.BackOffice;

/// <summary>The agent's file: status changes through the domain, proofs, notes, contacts, the access log, concurrent agents.</summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public sealed class FileTests(BerceauApp app)
{
    [Fact]
    public async Task MarkComplete_ChangesTheStatus_NotifiesTheFamily_AndIsAudited()
    {
        var application = await app.FamilyApplicationAsync();
        using var agent = await app.SignedInAgentAsync();
        var before = await app.StoredAsync(application.Id);

        using var response = await MoveAsync(agent, application.Id, before.Version, "Complete");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await app.StoredAsync(application.Id);
        Assert.Equal(ApplicationStatus.Complete, after.Status);
        Assert.Contains(await app.AuditOfAsync(application.Id), a => a.Action == ApplicationAudit.StatusChanged && a.Details == "Déposée → Complète");
        var notified = await app.WithDbAsync(db => db.Notifications.Where(n => n.UserId == application.FamilyUserId).Select(n => n.Title).ToListAsync());
        Assert.Contains("Votre demande d’accueil : Complète", notified);
        Assert.Contains("Complète", await Forms.TextAsync(await application.Family.GetAsync($"/famille/demandes/{application.Id}")));
    }

    [Fact]
    public async Task MarkIncomplete_WithoutSayingWhatIsMissing_IsRefusedInFrench_AndNothingChanges()
    {
        var application = await app.FamilyApplicationAsync();
        using var agent = await app.SignedInAgentAsync();
        var before = await app.StoredAsync(application.Id);

        using var response = await MoveAsync(agent, application.Id, before.Version, "Incomplete", "  ");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Indiquez ce qui manque : cochez les pièces ou décrivez l’information à fournir.", await Forms.ErrorSummaryAsync(response));
        Assert.Equal((ApplicationStatus.Submitted, before.Version), ((await app.StoredAsync(application.Id)).Status, (await app.StoredAsync(application.Id)).Version));
    }

    [Fact]
    public async Task MarkIncomplete_ListsTheMissingProofs_InTheReasonTheFamilyReads()
    {
        var application = await app.FamilyApplicationAsync();
        using var agent = await app.SignedInAgentAsync();
        var before = await app.StoredAsync(application.Id);

        using var response = await MoveAsync(agent, application.Id, before.Version, "Incomplete", "Merci de passer au guichet.", "Address", "Income");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var change = (await app.StoredAsync(application.Id)).StatusChanges.OrderBy(c => c.At).Last();
        Assert.Equal(ApplicationStatus.Incomplete, change.To);
        Assert.StartsWith("Pièces à fournir : Justificatif de domicile de moins de 3 mois ; Avis d’imposition", change.Reason);
        Assert.EndsWith("Merci de passer au guichet.", change.Reason);
        Assert.Contains("Merci de passer au guichet.", await Forms.TextAsync(await application.Family.GetAsync($"/famille/demandes/{application.Id}")));
    }

    [Theory]
    [InlineData("Admitted")]
    [InlineData("InCommittee")]
    [InlineData("nimporte")]
    public async Task AMoveTheGuichetDoesNotMake_IsRefused(string to)
    {
        var application = await app.FamilyApplicationAsync();
        using var agent = await app.SignedInAgentAsync();
        var before = await app.StoredAsync(application.Id);

        using var response = await MoveAsync(agent, application.Id, before.Version, to, "motif");

        Assert.Contains("Choisissez une des actions proposées pour ce dossier.", await Forms.ErrorSummaryAsync(response));
        Assert.Equal(ApplicationStatus.Submitted, (await app.StoredAsync(application.Id)).Status);
    }

    [Fact]
    public async Task TwoAgents_OnTheSameFile_TheSecondIsToldInFrench_AndNothingIsOverwritten()
    {
        var application = await app.FamilyApplicationAsync();
        using var first = await app.SignedInAgentAsync();
        using var second = await app.SignedInAgentAsync();
        // Both opened the form when the file was at this version.
        var version = (await app.StoredAsync(application.Id)).Version;

        using var won = await MoveAsync(first, application.Id, version, "Complete");
        using var lost = await MoveAsync(second, application.Id, version, "Incomplete", "Il manque l’acte de naissance.");

        Assert.Equal(HttpStatusCode.Redirect, won.StatusCode);
        Assert.Contains(await Forms.ErrorSummaryAsync(lost), e => e.StartsWith("Ce dossier a été modifié par quelqu’un d’autre", StringComparison.Ordinal));
        var stored = await app.StoredAsync(application.Id);
        Assert.Equal(ApplicationStatus.Complete, stored.Status);
        Assert.DoesNotContain(stored.StatusChanges, c => c.To == ApplicationStatus.Incomplete);
    }

    [Fact]
    public async Task RejectingAProof_WithAReason_ShowsItMissingToTheFamily_WithTheReason()
    {
        var application = await app.FamilyApplicationAsync();
        var documentId = await app.DocumentAsync(application);
        using var agent = await app.SignedInAgentAsync();
        var url = $"/pro/demandes/{application.Id}/pieces/{documentId}";
        var version = (await app.StoredAsync(application.Id)).Version;

        using var noReason = await Forms.PostFormToAsync(agent, url, url + "?handler=Reject", [new("Review.Version", V(version)), new("Review.Reason", "")]);
        using var rejected = await Forms.PostFormToAsync(agent, url, url + "?handler=Reject",
            [new("Review.Version", V(version)), new("Review.Reason", "Justificatif de plus de 3 mois <script>alert(1)</script>")]);

        Assert.Contains("Indiquez pourquoi la pièce est refusée : la famille lira ce motif.", await Forms.ErrorSummaryAsync(noReason));
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        var document = await app.WithDbAsync(db => db.ApplicationDocuments.SingleAsync(d => d.Id == documentId));
        Assert.Equal(ProofReview.Rejected, document.Review);
        var familyPage = await (await application.Family.GetAsync($"/famille/demandes/{application.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("Justificatif de plus de 3 mois &lt;script&gt;", familyPage);
        Assert.DoesNotContain("<script>alert(1)", familyPage);
        var text = System.Net.WebUtility.HtmlDecode(familyPage);
        Assert.Contains("La pièce envoyée a été refusée par le guichet", text);
        Assert.Contains("Pièces à fournir", text);
    }

    [Fact]
    public async Task ValidatingAProof_IsShownToTheFamily_AndOnTheTimeline()
    {
        var application = await app.FamilyApplicationAsync();
        var documentId = await app.DocumentAsync(application);
        using var agent = await app.SignedInAgentAsync();
        var url = $"/pro/demandes/{application.Id}/pieces/{documentId}";
        var version = (await app.StoredAsync(application.Id)).Version;

        using var response = await Forms.PostFormToAsync(agent, url, url + "?handler=Validate", [new("Review.Version", V(version))]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await Forms.TextAsync(await application.Family.GetAsync($"/famille/demandes/{application.Id}"));
        Assert.Contains("acceptée par le guichet", page);
        Assert.Contains("Pièce justificative acceptée", page);
    }

    [Fact]
    public async Task Notes_AreKeptForTheGuichet_EncodedAndNeverShownToTheFamily()
    {
        var application = await app.FamilyApplicationAsync();
        using var agent = await app.SignedInAgentAsync();
        var path = $"/pro/demandes/{application.Id}";

        using var empty = await Forms.PostFormToAsync(agent, path, path + "?handler=Note", [new("Note.Text", "   ")]);
        using var saved = await Forms.PostFormToAsync(agent, path, path + "?handler=Note", [new("Note.Text", "Père joint, <b>très</b> motivé")]);

        Assert.Contains("Saisissez le texte de la note.", await Forms.ErrorSummaryAsync(empty));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Single(await app.WithDbAsync(db => db.ApplicationNotes.Where(n => n.ApplicationId == new ApplicationId(application.Id)).ToListAsync()));
        var agentPage = await (await agent.GetAsync(path)).Content.ReadAsStringAsync();
        Assert.Contains("Père joint, &lt;b&gt;très&lt;/b&gt; motivé", agentPage);
        var familyPage = await Forms.TextAsync(await application.Family.GetAsync($"/famille/demandes/{application.Id}"));
        Assert.DoesNotContain("motivé", familyPage);
        var export = await Forms.TextAsync(await application.Family.GetAsync($"/famille/demandes/{application.Id}?handler=Export"));
        Assert.DoesNotContain("motivé", export);
    }

    [Fact]
    public async Task ContactLog_RecordsTheCall_AndRefusesBadInputInFrench()
    {
        var application = await app.FamilyApplicationAsync();
        using var agent = await app.SignedInAgentAsync();
        var path = $"/pro/demandes/{application.Id}";
        var count = () => app.WithDbAsync(db => db.ApplicationContacts.CountAsync(c => c.ApplicationId == new ApplicationId(application.Id)));

        using var bad = await Forms.PostFormToAsync(agent, path, path + "?handler=Contact",
            [new("Contact.On", "2027-01-01"), new("Contact.Kind", "Pigeon"), new("Contact.Outcome", "")]);
        var badErrors = await Forms.ErrorSummaryAsync(bad);
        var afterBad = await count();
        using var good = await Forms.PostFormToAsync(agent, path, path + "?handler=Contact",
            [new("Contact.On", "2026-11-20"), new("Contact.Kind", "PhoneCall"), new("Contact.Outcome", "StillNeedsPlace"), new("Contact.Comment", "Appel avant la commission")]);

        Assert.Equal(["La date du contact ne peut pas être dans le futur.", "Choisissez le type de contact.", "Choisissez le résultat du contact."], badErrors);
        Assert.Equal(0, afterBad);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(1, await count());
        var page = await Forms.TextAsync(await agent.GetAsync(path));
        Assert.Contains("Appel téléphonique", page);
        Assert.Contains("La famille a toujours besoin d’une place", page);
        Assert.DoesNotContain("Appel avant la commission", await Forms.TextAsync(await application.Family.GetAsync($"/famille/demandes/{application.Id}")));
    }

    [Fact]
    public async Task EveryStaffRead_IsLogged_AndTheFamilySeesTheRole_NotThePerson()
    {
        var application = await app.FamilyApplicationAsync();
        var documentId = await app.DocumentAsync(application);
        var (email, password) = await Accounts.CreateStaffAsync(app, Domain.Access.Roles.Agent, commune: Montreuil);
        using var agent = await Accounts.SignInAsync(app, email, password);
        var agentId = await Accounts.UserIdAsync(app, email);

        await agent.GetAsync($"/pro/demandes/{application.Id}");
        using var file = await agent.GetAsync($"/pro/demandes/{application.Id}/pieces/{documentId}?handler=Download");

        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        var log = await app.WithDbAsync(db => db.ApplicationAccesses.Where(a => a.ApplicationId == new ApplicationId(application.Id)).ToListAsync());
        Assert.Equal([ApplicationAccessKind.FileViewed, ApplicationAccessKind.ProofDownloaded], log.OrderBy(a => a.Id).Select(a => a.Kind));
        Assert.All(log, a => Assert.Equal((agentId, "agent"), (a.UserId, a.Role)));
        var page = await Forms.TextAsync(await application.Family.GetAsync($"/famille/demandes/{application.Id}"));
        Assert.Contains("Qui a consulté mon dossier", page);
        Assert.Contains("Agent guichet / RPE", page);
        Assert.Contains("Téléchargement d’une pièce justificative", page);
        Assert.DoesNotContain(agentId, page);
        Assert.DoesNotContain(email, page);
        var export = await Forms.TextAsync(await application.Family.GetAsync($"/famille/demandes/{application.Id}?handler=Export"));
        Assert.Contains("\"consultations\"", export);
        Assert.Contains("Consultation du dossier", export);
        Assert.DoesNotContain(agentId, export);
    }
}
