using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Applications;
using Berceau.Domain.Commission;
using Berceau.Web.Features.Applications;
using Berceau.Web.Tests.Features.Applications.BackOffice;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Applications.ApplicationTestData;

namespace Berceau.Web.Tests.Features.Applications.Guichet;

/// <summary>
/// An agent corrects « un membre du foyer touche un minimum social » of a submitted application, on the rule of the grid's
/// answers: a reason, until the freeze date of the next commission, audited, told to the family in its timeline. In 93061, a
/// commune no other test class uses.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class SocialMinimumCorrectionTests(BerceauApp app)
{
    private const string Commune = "93061";
    private const string OtherCommune = "93072";

    private static string PathOf(Guid id) => $"/pro/demandes/{id}/minimum-social";

    private static Task<HttpResponseMessage> CorrectAsync(HttpClient agent, Guid id, int version, params (string Name, string Value)[] fields) =>
        Forms.PostFormToAsync(agent, "/pro/demandes", PathOf(id),
            [new("Input.Version", BackOfficeTestData.V(version)), .. fields.Select(f => KeyValuePair.Create(f.Name, f.Value))]);

    /// <summary>The commune's only session: in preparation, freezing <paramref name="freezeInDays"/> days from the fixed clock's day.</summary>
    private Task OnlySessionAsync(int freezeInDays, int meetingInDays) => app.WithDbAsync(async db =>
    {
        db.CommissionSessions.RemoveRange(await db.CommissionSessions.Where(s => s.CommuneCode == Commune).ToListAsync());
        db.CommissionSessions.Add(CommissionSession.Create(new CommissionSessionDraft(Commune, [], "Commission d’essai", Today.AddDays(meetingInDays),
            Today.AddDays(freezeInDays)), BerceauApp.Now, "test").Value);
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Agent_CorrectsTheAnswer_WithAReason_TheFamilyReadsItInItsTimeline_AndTheAuditKeepsBeforeAndAfter()
    {
        await OnlySessionAsync(freezeInDays: 5, meetingInDays: 12);
        var family = await app.FamilyApplicationAsync(Commune);
        using var agent = await app.SignedInAgentAsync(Commune);
        var before = await app.StoredAsync(family.Id);
        Assert.False(before.ReceivesSocialMinimum);

        var file = await Forms.TextAsync(await agent.GetAsync($"/pro/demandes/{family.Id}"));
        var form = await Forms.TextAsync(await agent.GetAsync(PathOf(family.Id)));
        using var response = await CorrectAsync(agent, family.Id, before.Version, ("Input.ReceivesSocialMinimum", "oui"),
            ("Input.Reason", "Attestation CAF du RSA reçue"));

        Assert.Contains("Corriger la réponse sur le minimum social", file);
        Assert.Contains("jusqu’au 28/11/2026 inclus", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await app.StoredAsync(family.Id);
        Assert.True(after.ReceivesSocialMinimum);
        Assert.Equal(before.Version + 1, after.Version);
        const string line = "Minimum social dans le foyer corrigé par le guichet : oui – Attestation CAF du RSA reçue";
        var familyPage = await Forms.TextAsync(await family.Family.GetAsync($"/famille/demandes/{family.Id}"));
        Assert.Contains(line, familyPage);
        // The answer asks for its proof, as on the family's form.
        Assert.Contains("Attestation de la CAF, de la MSA ou de France Travail pour le minimum social", familyPage);
        Assert.Contains(line, await Forms.TextAsync(await agent.GetAsync($"/pro/demandes/{family.Id}")));
        var audit = Assert.Single(await app.AuditOfAsync(family.Id), a => a.Action == ApplicationAudit.SocialMinimumCorrected);
        Assert.Equal("minimum social non → oui ; motif : Attestation CAF du RSA reçue", audit.Details);

        // And back, with another reason.
        using var back = await CorrectAsync(agent, family.Id, after.Version, ("Input.ReceivesSocialMinimum", "non"), ("Input.Reason", "Droits au RSA clos"));
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.False((await app.StoredAsync(family.Id)).ReceivesSocialMinimum);
    }

    public static TheoryData<string?, string, string> BadInputs => new()
    {
        { null, "Attestation CAF", "Indiquez si un membre du foyer touche un minimum social." },
        { "peut-être", "Attestation CAF", "Indiquez si un membre du foyer touche un minimum social." },
        { "oui", " ", "Indiquez pourquoi la réponse est corrigée" },
        { "oui", new string('a', GridAnswers.MaxReasonLength + 1), "Le texte ne doit pas dépasser 120 caractères." },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task ABadAnswer_IsToldInFrenchNextToItsField_AndNothingChanges(string? answer, string reason, string message)
    {
        await OnlySessionAsync(freezeInDays: 5, meetingInDays: 12);
        var family = await app.FamilyApplicationAsync(Commune);
        using var agent = await app.SignedInAgentAsync(Commune);
        var before = await app.StoredAsync(family.Id);
        var fields = new List<(string, string)> { ("Input.Reason", reason) };
        if (answer is not null) fields.Add(("Input.ReceivesSocialMinimum", answer));

        using var response = await CorrectAsync(agent, family.Id, before.Version, [.. fields]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(Forms.ErrorSummary(html), e => e.Contains(message, StringComparison.Ordinal));
        Assert.Contains(message.Contains("minimum social.") ? "href=\"#Input_ReceivesSocialMinimum\"" : "href=\"#Input_Reason\"", html);
        await AssertUnchangedAsync(family.Id, before);
    }

    [Fact]
    public async Task TheSameAnswer_IsSaid_AndNothingIsWritten()
    {
        await OnlySessionAsync(freezeInDays: 5, meetingInDays: 12);
        var family = await app.FamilyApplicationAsync(Commune);
        using var agent = await app.SignedInAgentAsync(Commune);
        var before = await app.StoredAsync(family.Id);

        using var response = await CorrectAsync(agent, family.Id, before.Version, ("Input.ReceivesSocialMinimum", "non"), ("Input.Reason", "Vérification"));

        Assert.Contains("La réponse n’a pas changé : rien n’est enregistré.", await Forms.ErrorSummaryAsync(response));
        await AssertUnchangedAsync(family.Id, before);
    }

    [Fact]
    public async Task AfterTheFreezeDate_TheCorrectionIsRefused_AndTheFileNoLongerOffersIt()
    {
        await OnlySessionAsync(freezeInDays: -2, meetingInDays: 3);
        var family = await app.FamilyApplicationAsync(Commune);
        using var agent = await app.SignedInAgentAsync(Commune);
        var before = await app.StoredAsync(family.Id);

        using var response = await CorrectAsync(agent, family.Id, before.Version, ("Input.ReceivesSocialMinimum", "oui"), ("Input.Reason", "Attestation CAF"));
        using var form = await agent.GetAsync(PathOf(family.Id));
        var file = await Forms.TextAsync(await agent.GetAsync($"/pro/demandes/{family.Id}"));

        Assert.Contains("Les demandes sont gelées depuis le 21/11/2026 pour la commission d’attribution : la réponse sur le minimum social",
            Assert.Single(await Forms.ErrorSummaryAsync(response)));
        await AssertUnchangedAsync(family.Id, before);
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        Assert.DoesNotContain(PathOf(family.Id), file);
    }

    [Fact]
    public async Task AnApplicationThatNoLongerWaits_CannotBeCorrected()
    {
        await OnlySessionAsync(freezeInDays: 5, meetingInDays: 12);
        var family = await app.FamilyApplicationAsync(Commune);
        using var agent = await app.SignedInAgentAsync(Commune);
        await app.WithDbAsync(async db =>
        {
            var tracked = await db.Applications.Include(a => a.StatusChanges).SingleAsync(a => a.Id == new Berceau.Domain.Applications.ApplicationId(family.Id));
            Assert.True(tracked.Withdraw(BerceauApp.Now, "famille", null).IsSuccess);
            return await db.SaveChangesAsync();
        });
        var before = await app.StoredAsync(family.Id);

        using var response = await CorrectAsync(agent, family.Id, before.Version, ("Input.ReceivesSocialMinimum", "oui"), ("Input.Reason", "Attestation CAF"));

        Assert.Contains("Cette demande est « Annulée » : la réponse sur le minimum social ne peut plus être corrigée.", Assert.Single(await Forms.ErrorSummaryAsync(response)));
        await AssertUnchangedAsync(family.Id, before);
    }

    [Fact]
    public async Task AStaleVersion_IsRefused_NothingOverwritten()
    {
        await OnlySessionAsync(freezeInDays: 5, meetingInDays: 12);
        var family = await app.FamilyApplicationAsync(Commune);
        using var agent = await app.SignedInAgentAsync(Commune);
        var before = await app.StoredAsync(family.Id);

        using var response = await CorrectAsync(agent, family.Id, before.Version - 1, ("Input.ReceivesSocialMinimum", "oui"), ("Input.Reason", "Attestation CAF"));

        Assert.Contains("Ce dossier a été modifié par quelqu’un d’autre", Assert.Single(await Forms.ErrorSummaryAsync(response)));
        await AssertUnchangedAsync(family.Id, before);
    }

    [Fact]
    public async Task AnAgentOfAnotherCommune_GetsNotFound_AndAFamilyOrACommissionMemberIsKeptOut()
    {
        var family = await app.FamilyApplicationAsync(Commune);
        using var other = await app.SignedInAgentAsync(OtherCommune);
        using var member = await app.SignedInAgentAsync(Commune, Roles.Committee);
        var before = await app.StoredAsync(family.Id);
        var token = await Forms.AntiforgeryTokenAsync(other, "/pro/demandes");

        using var read = await other.GetAsync(PathOf(family.Id));
        using var post = await other.PostAsync(PathOf(family.Id), new FormUrlEncodedContent(
            [new(Forms.TokenField, token), new("Input.Version", BackOfficeTestData.V(before.Version)), new("Input.ReceivesSocialMinimum", "oui"), new("Input.Reason", "intrus")]));
        using var byFamily = await family.Family.GetAsync(PathOf(family.Id));
        using var byMember = await member.GetAsync(PathOf(family.Id));

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, byFamily.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, byMember.StatusCode);
        await AssertUnchangedAsync(family.Id, before);
    }

    [Fact]
    public async Task AnAdminOfTheTerritory_MayCorrect()
    {
        await OnlySessionAsync(freezeInDays: 5, meetingInDays: 12);
        var family = await app.FamilyApplicationAsync(Commune);
        using var admin = await app.SignedInAgentAsync(Commune, Roles.Admin);
        var before = await app.StoredAsync(family.Id);

        using var response = await CorrectAsync(admin, family.Id, before.Version, ("Input.ReceivesSocialMinimum", "oui"), ("Input.Reason", "Attestation MSA reçue"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True((await app.StoredAsync(family.Id)).ReceivesSocialMinimum);
    }

    private async Task AssertUnchangedAsync(Guid id, Application before)
    {
        var after = await app.StoredAsync(id);
        Assert.Equal((before.Version, before.ReceivesSocialMinimum), (after.Version, after.ReceivesSocialMinimum));
        Assert.DoesNotContain(after.Events, e => e.Kind == ApplicationEventKind.MinimumCorrected);
        Assert.DoesNotContain(await app.AuditOfAsync(id), a => a.Action == ApplicationAudit.SocialMinimumCorrected);
    }
}
