using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Surveys;
using Berceau.Domain.Schema;
using Berceau.Web.Tests.Features.Decisions;
using Berceau.Web.Tests.Features.Offer;
using Berceau.Web.Tests.Features.Schema;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Surveys.SurveysTestData;

namespace Berceau.Web.Tests.Features.Surveys;

/// <summary>
/// Satisfaction surveys through the real pages and e-mails (issue 9, docs/surveys.md): a commune's agent writes, opens and sends a
/// survey; each invited person answers once through their link; results appear from 5 responses, anonymous; who may do what; bad
/// input changes nothing. Surveys of Montreuil (93048) with unique titles; assertions filter on this class's own surveys.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class SurveysTests(BerceauApp app)
{
    private const string Commune = "93048";

    private static string Address(string who) => $"{who}.{Guid.NewGuid():N}@exemple.fr";

    [Fact]
    public async Task EachInvitedPersonAnswersOnce_AndResultsAppearFromFiveResponses_WithoutAnyoneNamed()
    {
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Commune);
        var id = await OpenedAsync(app, agent, Commune, Unique("Après la commission"));
        var people = Enumerable.Range(1, 6).Select(i => Address($"parent{i}")).ToArray();
        OfferTestData.AssertRedirectTo(await InviteAsync(agent, id, people), $"{Staff}/{id}/invitations");
        var again = await InviteAsync(agent, id, people[0].ToUpperInvariant());
        Assert.Single(await Mail.ReceivedAsync(app, people[0]));
        Assert.Equal(6, await app.WithDbAsync(db => db.SurveyInvitations.CountAsync(i => i.SurveyId == id)));
        Assert.Contains("1 adresse(s) déjà invitée(s)", await Forms.TextAsync(await agent.GetAsync(again.Headers.Location!.OriginalString)));

        var q = await QuestionsAsync(app, id);
        // 4 of 5 satisfied (« Très » or « Plutôt ») → 80 %; the fifth « Pas du tout ».
        var levels = new[] { "0", "1", "1", "0", "3" };
        for (var i = 0; i < 4; i++)
            OfferTestData.AssertRedirectTo(await AnswerAsync(app, await LinkAsync(app, people[i]), (q[0].Id, levels[i]), (q[1].Id, "1"), (q[2].Id, $"Suggestion <b>{i}</b>")), "/enquete/merci");

        var hidden = await Forms.TextAsync(await agent.GetAsync($"{Staff}/{id}/resultats"));
        Assert.Contains("Il en manque 1", hidden);
        Assert.DoesNotContain("Taux de satisfaction :", hidden);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"{Staff}/{id}/resultats?handler=Export&format=csv")).StatusCode);
        Assert.DoesNotContain("text/csv", (await agent.GetAsync($"{Staff}/{id}/resultats?handler=Export&format=csv")).Content.Headers.ContentType?.ToString() ?? "");

        OfferTestData.AssertRedirectTo(await AnswerAsync(app, await LinkAsync(app, people[4]), (q[0].Id, levels[4]), (q[1].Id, "0"), (q[1].Id, "2")), "/enquete/merci");
        var twice = await Forms.TextAsync(await AnswerAsync(app, await LinkAsync(app, people[4]), (q[0].Id, "0")));
        Assert.Contains("Vous avez déjà répondu", twice);
        Assert.Equal(5, await app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == id)));

        var results = await Forms.TextAsync(await agent.GetAsync($"{Staff}/{id}/resultats"));
        Assert.Contains("Taux de satisfaction : 80 %", results);
        Assert.Contains("data-chart=", results);
        var raw = await (await agent.GetAsync($"{Staff}/{id}/resultats")).Content.ReadAsStringAsync();
        Assert.Contains("Suggestion &lt;b&gt;0&lt;/b&gt;", raw);
        Assert.DoesNotContain("Suggestion <b>", raw);
        foreach (var person in people) Assert.DoesNotContain(person, results, StringComparison.OrdinalIgnoreCase);

        var csv = await agent.GetAsync($"{Staff}/{id}/resultats?handler=Export&format=csv");
        Assert.StartsWith("text/csv", csv.Content.Headers.ContentType!.ToString());
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("Taux de satisfaction;5;80", text);
        Assert.Contains("Caf;4;80", text);
        Assert.Contains("Mairie;1;20", text);
        foreach (var person in people) Assert.DoesNotContain(person, text, StringComparison.OrdinalIgnoreCase);
        var xlsx = await agent.GetAsync($"{Staff}/{id}/resultats?handler=Export&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);

        // Anonymity in storage too: a response names no invitation.
        Assert.DoesNotContain(typeof(SurveyResponse).GetProperties(), p => p.Name.Contains("Invitation", StringComparison.Ordinal) || p.PropertyType == typeof(DateTimeOffset));
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Contains("questionnaire créé", actions);
        Assert.Contains("questionnaire ouvert", actions);
        Assert.Contains("invitations au questionnaire envoyées", actions);
        Assert.Contains("résultats du questionnaire exportés", actions);

        // Questions no longer change; closing ends the links.
        var locked = await PostAsync(agent, id, "Remove", ("question", q[2].Id.ToString()));
        Assert.Contains("Les questions ne peuvent plus changer", Assert.Single(await Forms.ErrorSummaryAsync(locked)));
        Assert.Equal(3, (await QuestionsAsync(app, id)).Count);
        OfferTestData.AssertRedirectTo(await PostAsync(agent, id, "Close"), $"{Staff}/{id}");
        using var visitor = app.Client();
        Assert.Contains("Ce questionnaire est clos", await Forms.TextAsync(await visitor.GetAsync(await LinkAsync(app, people[5]))));
        Assert.Contains("Ce questionnaire est clos", await Forms.TextAsync(await AnswerAsync(app, await LinkAsync(app, people[5]), (q[0].Id, "0"))));
        Assert.Equal(5, await app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == id)));
    }

    [Fact]
    public async Task AnswersSentAtOnceThroughTheSameLink_CountOnce()
    {
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Commune);
        var id = await OpenedAsync(app, agent, Commune, Unique("Deux onglets"));
        var person = Address("onglets");
        OfferTestData.AssertRedirectTo(await InviteAsync(agent, id, person), $"{Staff}/{id}/invitations");
        var link = await LinkAsync(app, person);
        var q = await QuestionsAsync(app, id);
        var code = Uri.UnescapeDataString(link.Split("code=")[1]);

        // Six tabs each hold the form, then all send at once.
        var tabs = new List<(HttpClient Client, string Token)>();
        for (var i = 0; i < 6; i++)
        {
            var tab = app.Client();
            tabs.Add((tab, Forms.AntiforgeryToken(await (await tab.GetAsync(link)).Content.ReadAsStringAsync())!));
        }
        var sent = await Task.WhenAll(tabs.Select(async tab =>
        {
            using var body = new FormUrlEncodedContent([KeyValuePair.Create("Code", code), KeyValuePair.Create(SurveyResponse.FieldOf(q[0].Id), "0"),
                KeyValuePair.Create(Forms.TokenField, tab.Token)]);
            var response = await tab.Client.PostAsync(Answer, body);
            return (response.StatusCode, Location: response.Headers.Location?.OriginalString, Text: await Forms.TextAsync(response));
        }));
        foreach (var (client, _) in tabs) client.Dispose();

        Assert.Single(sent, s => s.StatusCode == HttpStatusCode.Redirect && s.Location == "/enquete/merci");
        Assert.All(sent.Where(s => s.StatusCode != HttpStatusCode.Redirect), s =>
        {
            Assert.Equal(HttpStatusCode.OK, s.StatusCode);
            Assert.Contains("Vous avez déjà répondu", s.Text);
        });
        Assert.Equal(1, await app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == id)));
    }

    [Fact]
    public async Task OnlyTheTerritorysStaff_RunASurvey()
    {
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Commune);
        var id = await CreateAsync(app, agent, Commune, Unique("Accès"));
        var page = $"{Staff}/{id}";

        using var otherCommune = await app.SignedInAsync(Roles.Agent, commune: "93001");
        Assert.Equal(HttpStatusCode.NotFound, (await otherCommune.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCommune.GetAsync($"{page}/resultats")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCommune.GetAsync($"{page}/invitations")).StatusCode);
        Assert.DoesNotContain(id.ToString(), await Forms.TextAsync(await otherCommune.GetAsync(Staff)));
        using var otherDepartement = await app.SignedInAsync(Roles.Steering, departement: "92");
        Assert.Equal(HttpStatusCode.NotFound, (await otherDepartement.GetAsync(page)).StatusCode);

        using var secretariat = await app.SignedInAsync(Roles.Steering, departement: "93");
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync(page)).StatusCode);
        Assert.Contains(id.ToString(), await Forms.TextAsync(await secretariat.GetAsync(Staff)));

        var (family, _, _) = await Accounts.SignInAsNewFamilyAsync(app);
        using (family) OfferTestData.AssertForbidden(await family.GetAsync(page));
        using var observatory = await app.SignedInAsync(Roles.Observatory, departement: "93");
        OfferTestData.AssertForbidden(await observatory.GetAsync(Staff));
        using var anonymous = app.Client();
        var signIn = await anonymous.GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("/compte/connexion", signIn.Headers.Location!.OriginalString);

        // An agent cannot create a survey for the département, nor for another commune.
        var refused = await Forms.PostFormAsync(agent, $"{Staff}/nouveau", Fields(app, "93", Unique("Département")));
        Assert.Contains("Choisissez un territoire dont vous avez la charge.", await Forms.ErrorSummaryAsync(refused));
        refused = await Forms.PostFormAsync(agent, $"{Staff}/nouveau", Fields(app, "93001", Unique("Autre commune")));
        Assert.Contains("Choisissez un territoire dont vous avez la charge.", await Forms.ErrorSummaryAsync(refused));
        var secretariatSurvey = await CreateAsync(app, secretariat, "93", Unique("Département"), "Partners");
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"{Staff}/{secretariatSurvey}")).StatusCode);
    }

    [Fact]
    public async Task BadInput_IsRefusedInFrench_AndChangesNothing()
    {
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Commune);
        var title = Unique("Mauvaise saisie");
        var bad = Fields(app, Commune, "abc");
        bad[5] = ("Input.ClosesOn", Day(app, -1));
        var errors = await Forms.ErrorSummaryAsync(await Forms.PostFormAsync(agent, $"{Staff}/nouveau", bad));
        Assert.Contains(errors, e => e.StartsWith("Donnez un titre au questionnaire", StringComparison.Ordinal));
        Assert.Contains("La date de clôture doit être le jour d’ouverture ou après.", errors);
        bad = Fields(app, Commune, title, "Everyone");
        Assert.Contains("Choisissez à qui s’adresse le questionnaire : familles ou partenaires.", await Forms.ErrorSummaryAsync(await Forms.PostFormAsync(agent, $"{Staff}/nouveau", bad)));
        var several = await Forms.ErrorSummaryAsync(await Forms.PostFormAsync(agent, $"{Staff}/nouveau", Fields(app, Commune, "ab", "Everyone")));
        Assert.Equal(2, several.Count);
        Assert.False(await app.WithDbAsync(db => db.Surveys.AnyAsync(s => s.Title == title || s.Title == "abc")));

        var id = await CreateAsync(app, agent, Commune, title);
        Assert.Contains("Ajoutez au moins une question avant d’ouvrir le questionnaire.", await Forms.ErrorSummaryAsync(await PostAsync(agent, id, "Open")));
        Assert.Contains("Donnez de 2 à 12 réponses possibles, une par ligne.", await Forms.ErrorSummaryAsync(await AddQuestionAsync(agent, id, QuestionKind.SingleChoice, "Une seule option ?", "Oui")));
        Assert.Contains("Deux réponses possibles sont identiques.", await Forms.ErrorSummaryAsync(await AddQuestionAsync(agent, id, QuestionKind.SingleChoice, "Doublon ?", "Oui\noui")));
        Assert.Contains("Choisissez le type de la question.", await Forms.ErrorSummaryAsync(await PostAsync(agent, id, "Add", ("Question.Kind", "7"), ("Question.Text", "Quel type ?"))));
        Assert.Empty(await QuestionsAsync(app, id));
        Assert.Contains("ouvrez-le pour inviter", await Forms.TextAsync(await agent.GetAsync($"{Staff}/{id}/invitations")));

        // Reorder while a draft: the editor moves and removes without JavaScript.
        await AddQuestionAsync(agent, id, QuestionKind.YesNo, "Première question ?");
        await AddQuestionAsync(agent, id, QuestionKind.Rating, "Deuxième question ?");
        var q = await QuestionsAsync(app, id);
        OfferTestData.AssertRedirectTo(await PostAsync(agent, id, "Move", ("question", q[1].Id.ToString()), ("delta", "-1")), $"{Staff}/{id}");
        Assert.Equal(["Deuxième question ?", "Première question ?"], (await QuestionsAsync(app, id)).Select(x => x.Text));
        OfferTestData.AssertRedirectTo(await PostAsync(agent, id, "Open"), $"{Staff}/{id}");

        var email = Address("invalide");
        var pasted = await InviteAsync(agent, id, email, "pas-une-adresse");
        Assert.Contains(await Forms.ErrorSummaryAsync(pasted), e => e.Contains("pas-une-adresse", StringComparison.Ordinal));
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyInvitations.CountAsync(i => i.SurveyId == id)));
        Assert.Contains("Les partenaires s’invitent à un questionnaire destiné aux partenaires.", await Forms.ErrorSummaryAsync(await Forms.PostFormToAsync(agent,
            $"{Staff}/{id}/invitations", $"{Staff}/{id}/invitations?handler=Partners", [KeyValuePair.Create("Organisations", Guid.NewGuid().ToString())])));
        Assert.Contains("Choisissez une commission dont les décisions sont publiées", string.Join(" ", await Forms.ErrorSummaryAsync(await Forms.PostFormToAsync(agent,
            $"{Staff}/{id}/invitations", $"{Staff}/{id}/invitations?handler=Commission", [KeyValuePair.Create("Commission", Guid.NewGuid().ToString())]))));

        // Open but past its last day (as after the closing day, without closing it): inviting says why nothing is sent.
        var closesOn = (await app.WithDbAsync(db => db.Surveys.AsNoTracking().SingleAsync(s => s.Id == id))).ClosesOn;
        var yesterday = DateOnly.Parse(Day(app, -1), System.Globalization.CultureInfo.InvariantCulture);
        await app.WithDbAsync(db => db.Surveys.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.ClosesOn, yesterday)));
        Assert.Contains("Le dernier jour pour répondre est passé : reportez la date de clôture du questionnaire avant d’inviter.",
            await Forms.ErrorSummaryAsync(await InviteAsync(agent, id, email)));
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyInvitations.CountAsync(i => i.SurveyId == id)));
        await app.WithDbAsync(db => db.Surveys.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.ClosesOn, closesOn)));

        OfferTestData.AssertRedirectTo(await InviteAsync(agent, id, email), $"{Staff}/{id}/invitations");
        var link = await LinkAsync(app, email);
        q = await QuestionsAsync(app, id);
        var missing = await AnswerAsync(app, link, (q[1].Id, "0"));
        var missingPage = await missing.Content.ReadAsStringAsync();
        Assert.Contains("Répondez à cette question.", Forms.ErrorSummary(missingPage));
        // The layout prefixes the title of a page with errors once; the page does not add its own.
        var pageTitle = System.Text.RegularExpressions.Regex.Match(System.Net.WebUtility.HtmlDecode(missingPage), "<title>(.*?)</title>").Groups[1].Value;
        Assert.StartsWith("Erreur\u00a0: " + title, pageTitle);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(pageTitle, "Erreur"));
        var unknown = await AnswerAsync(app, link, (q[0].Id, "9"), (q[1].Id, "0"));
        Assert.Contains("Cette réponse n’est pas proposée : choisissez parmi la liste.", await Forms.ErrorSummaryAsync(unknown));
        var two = await AnswerAsync(app, link, (q[0].Id, "1"), (q[0].Id, "2"), (q[1].Id, "0"));
        Assert.Contains("Choisissez une seule réponse.", await Forms.ErrorSummaryAsync(two));
        using var visitor = app.Client();
        var code = Uri.UnescapeDataString(link.Split("code=")[1]);
        var altered = await Forms.TextAsync(await Forms.PostFormToAsync(visitor, "/compte/connexion", Answer, [KeyValuePair.Create("Code", code[..^4] + "AAAA"), KeyValuePair.Create(SurveyResponse.FieldOf(q[0].Id), "0")]));
        Assert.Contains("Ce lien n’est pas valable", altered);
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == id)));
        Assert.False(await app.WithDbAsync(db => db.SurveyInvitations.AnyAsync(i => i.SurveyId == id && i.Answered)));
    }
    [Fact]
    public async Task AfterACommissionPublishes_ItsAgentInvitesItsFamiliesInOneAction_AndTheSecretariatInvitesPartnersByOrganisation()
    {
        // A published commission of Tremblay (the decisions tests' commune and scene): its agent runs Tremblay's surveys.
        var scene = await Scene.PublishedAsync(app);
        // The link is in the agent's list of commissions (the review page is the members').
        Assert.Contains($"{Staff}?commission={scene.Session}", await Forms.TextAsync(await scene.Agent.GetAsync("/pro/commissions")));
        var id = await OpenedAsync(app, scene.Agent, Scene.Commune, Unique("Après la commission"));
        var fromCommission = $"{Staff}?commission={scene.Session}";
        Assert.Contains("Inviter les familles à", await Forms.TextAsync(await scene.Agent.GetAsync(fromCommission)));
        var invited = await Forms.PostFormToAsync(scene.Agent, fromCommission, $"{Staff}/{id}/invitations?handler=Commission",
            [KeyValuePair.Create("Commission", scene.Session.ToString())]);
        OfferTestData.AssertRedirectTo(invited, $"{Staff}/{id}/invitations");
        foreach (var family in new[] { scene.High, scene.Middle, scene.Low, scene.Last })
            Assert.StartsWith(Answer, await LinkAsync(app, family.Email));
        Assert.Equal(4, await app.WithDbAsync(db => db.SurveyInvitations.CountAsync(i => i.SurveyId == id)));

        // Partners: the members of the organisations ticked, of the survey's département; other organisations' members get nothing.
        using var secretariat = await app.SignedInAsync(Roles.Steering, departement: "93");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var caf = PartnerOrganisation.Create("93", $"Caf enquête {tag}", []).Value;
        var other = PartnerOrganisation.Create("93", $"Autre enquête {tag}", []).Value;
        await app.WithDbAsync(db => { db.PartnerOrganisations.AddRange(caf, other); return db.SaveChangesAsync(); });
        var (member, _) = await Accounts.CreateStaffAsync(app, Roles.Partner);
        var (outsider, _) = await Accounts.CreateStaffAsync(app, Roles.Partner);
        await app.LinkAsync(caf, member);
        await app.LinkAsync(other, outsider);
        var partners = await CreateAsync(app, secretariat, "93", Unique("Partenaires"), "Partners");
        OfferTestData.AssertRedirectTo(await AddQuestionAsync(secretariat, partners, QuestionKind.Rating, "Notez la coordination du schéma"), $"{Staff}/{partners}");
        OfferTestData.AssertRedirectTo(await PostAsync(secretariat, partners, "Open"), $"{Staff}/{partners}");
        Assert.Contains($"Caf enquête {tag}", await Forms.TextAsync(await secretariat.GetAsync($"{Staff}/{partners}/invitations")));
        var none = await Forms.PostFormToAsync(secretariat, $"{Staff}/{partners}/invitations", $"{Staff}/{partners}/invitations?handler=Partners", []);
        Assert.Contains("Cochez au moins une organisation partenaire du département.", await Forms.ErrorSummaryAsync(none));
        OfferTestData.AssertRedirectTo(await Forms.PostFormToAsync(secretariat, $"{Staff}/{partners}/invitations", $"{Staff}/{partners}/invitations?handler=Partners",
            [KeyValuePair.Create("Organisations", caf.Id.Value.ToString())]), $"{Staff}/{partners}/invitations");
        Assert.StartsWith(Answer, await LinkAsync(app, member));
        Assert.DoesNotContain(await Mail.ReceivedAsync(app, outsider), m => m.Contains(Answer, StringComparison.Ordinal));
        var q = await QuestionsAsync(app, partners);
        OfferTestData.AssertRedirectTo(await AnswerAsync(app, await LinkAsync(app, member), (q[0].Id, "4")), "/enquete/merci");
    }
}
