using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Applications;
using Berceau.Web.Features.Applications;
using Berceau.Web.Tests.Features.Applications.BackOffice;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Applications.ApplicationTestData;
using static Berceau.Web.Tests.Features.Applications.Guichet.GuichetTestData;

namespace Berceau.Web.Tests.Features.Applications.Guichet;

/// <summary>
/// An agent corrects the grid's answers of a submitted application, with a reason, until the freeze date of the next
/// commission: checked as the family's form, audited with before and after, told to the family in its timeline. Bondy has
/// no published grid, so every question is asked.
/// </summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public sealed class GridCorrectionTests(BerceauApp app)
{
    private static string PathOf(Guid id) => $"/pro/demandes/{id}/grille";

    private static Task<HttpResponseMessage> CorrectAsync(HttpClient agent, Guid id, int version, params (string Name, string Value)[] fields) =>
        Forms.PostFormToAsync(agent, "/pro/demandes", PathOf(id),
            [new("Input.Version", BackOfficeTestData.V(version)), .. fields.Select(f => KeyValuePair.Create(f.Name, f.Value))]);

    [Fact]
    public async Task Agent_CorrectsTheAnswers_WithAReason_TheFamilyReadsItInItsTimeline_AndTheAuditKeepsBeforeAndAfter()
    {
        await app.OnlySessionAsync(freezeInDays: 5, meetingInDays: 12);
        var family = await app.FamilyApplicationAsync(Bondy);
        var sibling = (await app.CrechesAsync(Bondy, 1))[0];
        using var agent = await app.SignedInAgentAsync(Bondy);
        var before = await app.StoredAsync(family.Id);

        var form = await Forms.TextAsync(await agent.GetAsync(PathOf(family.Id)));
        using var response = await CorrectAsync(agent, family.Id, before.Version, ("Input.QuotientFamilial", "640,50"), ("Input.SocialSupport", "true"),
            ("Input.SiblingFacilities[0]", sibling.Id.ToString()), ("Input.Reason", "Attestation CAF du 02/11/2026"));

        Assert.Contains("Quotient familial CAF, en euros par mois (facultatif)", form);
        Assert.Contains("jusqu’au 28/11/2026 inclus", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await app.StoredAsync(family.Id);
        Assert.Equal((640.50m, true), (after.QuotientFamilial, after.SocialSupport));
        Assert.Equal([sibling.Id], after.SiblingFacilities);
        var line = "Réponses à la grille de points corrigées par le guichet : quotient familial, accompagnement PMI ou social, frère ou sœur – Attestation CAF du 02/11/2026";
        var familyPage = await Forms.TextAsync(await family.Family.GetAsync($"/famille/demandes/{family.Id}"));
        Assert.Contains(line, familyPage);
        Assert.Contains("640,5 € par mois", familyPage);
        Assert.Contains(line, await Forms.TextAsync(await agent.GetAsync($"/pro/demandes/{family.Id}")));
        var audit = Assert.Single(await app.AuditOfAsync(family.Id), a => a.Action == ApplicationAudit.GridCorrected);
        Assert.Equal($"quotient familial Non indiqué, accompagnement non, frère ou sœur Aucune, employeur Aucune → quotient familial 640,5 € par mois, "
            + $"accompagnement oui, frère ou sœur {sibling.Name}, employeur Aucune ; motif : Attestation CAF du 02/11/2026", audit.Details);
    }

    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "Input.QuotientFamilial", "beaucoup", "Saisissez un nombre." },
        { "Input.QuotientFamilial", "100 001", "Le quotient familial est un montant en euros par mois, entre 0 et 100\u202f000 €" },
        { "Input.QuotientFamilial", "-5", "Le quotient familial est un montant en euros par mois, entre 0 et 100\u202f000 €" },
        { "Input.QuotientFamilial", "850,555", "au plus 2 chiffres après la virgule" },
        { "Input.SiblingFacilities[0]", Guid.NewGuid().ToString(), "Choisissez les crèches du frère ou de la sœur dans la liste des crèches de la commune." },
        { "Input.PartnerEmployerFacilities[0]", "pas-une-creche", "Choisissez les crèches de l’employeur dans la liste des crèches de la commune." },
        { "Input.Reason", " ", "Indiquez pourquoi les réponses sont corrigées" },
        { "Input.Reason", new string('a', GridAnswers.MaxReasonLength + 1), "Le texte ne doit pas dépasser 120 caractères." },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task ABadAnswer_IsToldInFrenchNextToItsField_AndNothingChanges(string field, string value, string message)
    {
        await app.OnlySessionAsync(freezeInDays: 5, meetingInDays: 12);
        var family = await app.FamilyApplicationAsync(Bondy);
        using var agent = await app.SignedInAgentAsync(Bondy);
        var before = await app.StoredAsync(family.Id);
        var fields = new Dictionary<string, string> { ["Input.QuotientFamilial"] = "700", ["Input.Reason"] = "Attestation CAF", [field] = value };

        using var response = await CorrectAsync(agent, family.Id, before.Version, [.. fields.Select(f => (f.Key, f.Value))]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(Forms.ErrorSummary(html), e => e.Contains(message, StringComparison.Ordinal));
        Assert.Contains($"href=\"#{field.Split('[')[0].Replace('.', '_')}\"", html);
        await AssertUnchangedAsync(family.Id, before);
    }

    [Fact]
    public async Task NothingChanged_IsSaid_AndNothingIsWritten()
    {
        await app.OnlySessionAsync(freezeInDays: 5, meetingInDays: 12);
        var family = await app.FamilyApplicationAsync(Bondy);
        using var agent = await app.SignedInAgentAsync(Bondy);
        var before = await app.StoredAsync(family.Id);

        using var response = await CorrectAsync(agent, family.Id, before.Version, ("Input.Reason", "Vérification"));

        Assert.Contains("Aucune réponse n’a changé : rien n’est enregistré.", await Forms.ErrorSummaryAsync(response));
        await AssertUnchangedAsync(family.Id, before);
    }

    [Fact]
    public async Task AfterTheFreezeDate_TheCorrectionIsRefused_AndTheFileNoLongerOffersIt()
    {
        await app.OnlySessionAsync(freezeInDays: -2, meetingInDays: 3);
        var family = await app.FamilyApplicationAsync(Bondy);
        using var agent = await app.SignedInAgentAsync(Bondy);
        var before = await app.StoredAsync(family.Id);

        using var response = await CorrectAsync(agent, family.Id, before.Version, ("Input.QuotientFamilial", "700"), ("Input.Reason", "Attestation CAF"));
        using var form = await agent.GetAsync(PathOf(family.Id));
        var file = await Forms.TextAsync(await agent.GetAsync($"/pro/demandes/{family.Id}"));

        Assert.Contains("Les demandes sont gelées depuis le 21/11/2026 pour la commission d’attribution", Assert.Single(await Forms.ErrorSummaryAsync(response)));
        await AssertUnchangedAsync(family.Id, before);
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        Assert.DoesNotContain(PathOf(family.Id), file);
        Assert.Contains("demandes gelées depuis le 21/11/2026", file);
    }

    [Fact]
    public async Task AStaleVersion_IsRefused_NothingOverwritten()
    {
        await app.OnlySessionAsync(freezeInDays: 5, meetingInDays: 12);
        var family = await app.FamilyApplicationAsync(Bondy);
        using var agent = await app.SignedInAgentAsync(Bondy);
        var before = await app.StoredAsync(family.Id);

        using var response = await CorrectAsync(agent, family.Id, before.Version - 1, ("Input.QuotientFamilial", "700"), ("Input.Reason", "Attestation CAF"));

        Assert.Contains("Ce dossier a été modifié par quelqu’un d’autre", Assert.Single(await Forms.ErrorSummaryAsync(response)));
        await AssertUnchangedAsync(family.Id, before);
    }

    [Fact]
    public async Task AnAgentOfAnotherCommune_GetsNotFound_AndAFamilyIsKeptOut()
    {
        var family = await app.FamilyApplicationAsync(Bondy);
        using var other = await app.SignedInAgentAsync(Montreuil);
        var before = await app.StoredAsync(family.Id);
        var token = await Forms.AntiforgeryTokenAsync(other, "/pro/demandes");

        using var read = await other.GetAsync(PathOf(family.Id));
        using var post = await other.PostAsync(PathOf(family.Id), new FormUrlEncodedContent(
            [new(Forms.TokenField, token), new("Input.Version", BackOfficeTestData.V(before.Version)), new("Input.QuotientFamilial", "1"), new("Input.Reason", "intrus")]));
        using var byFamily = await family.Family.GetAsync(PathOf(family.Id));

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, byFamily.StatusCode);
        await AssertUnchangedAsync(family.Id, before);
    }

    [Fact]
    public async Task AnAdminOfTheTerritory_MayCorrect()
    {
        await app.OnlySessionAsync(freezeInDays: 5, meetingInDays: 12);
        var family = await app.FamilyApplicationAsync(Bondy);
        using var admin = await app.SignedInAgentAsync(Bondy, Roles.Admin);
        var before = await app.StoredAsync(family.Id);

        using var response = await CorrectAsync(admin, family.Id, before.Version, ("Input.SocialSupport", "true"), ("Input.Reason", "Courrier de la PMI reçu"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True((await app.StoredAsync(family.Id)).SocialSupport);
    }

    private async Task AssertUnchangedAsync(Guid id, Application before)
    {
        var after = await app.StoredAsync(id);
        Assert.Equal((before.Version, before.QuotientFamilial, before.SocialSupport), (after.Version, after.QuotientFamilial, after.SocialSupport));
        Assert.Equal(before.SiblingFacilities, after.SiblingFacilities);
        Assert.DoesNotContain(after.Events, e => e.Kind == ApplicationEventKind.GridCorrected);
        Assert.DoesNotContain(await app.AuditOfAsync(id), a => a.Action == ApplicationAudit.GridCorrected);
    }
}
