using System.Net;
using Berceau.Web.Tests.Features.Applications;
using Berceau.Web.Tests.Features.Applications.BackOffice;
using Berceau.Web.Tests.Features.FollowUp;
using Berceau.Web.Tests.Features.Offer;
using Berceau.Web.Tests.Features.Schema;
using Berceau.Web.Tests.Features.Staffing;
using Berceau.Web.Tests.Features.Surveys;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Security;

/// <summary>
/// Stored and reflected cross-site scripting: script and attribute-breaking payloads typed in the free-text fields through
/// the real forms (by families, anonymous visitors and staff) come back on every page that shows them as text — encoded,
/// never as a tag. The Content-Security-Policy (script-src 'self', no inline script: SecurityHeadersTests) is the second
/// layer; this checks the first.
/// </summary>
[Collection(SecurityCollection.Name)]
[Trait("Category", "Database")]
public sealed class XssTests(BerceauApp app)
{
    /// <summary>A script element, then an attribute break-out with an event handler.</summary>
    public const string Payload = "<script>alert('xss')</script>\"><img src=x onerror=alert(1)>";

    private const string Commune = VictimWorld.Commune;

    /// <summary>The payload appears as text (encoded), and nowhere as markup.</summary>
    private static void AssertEncoded(string html, string page)
    {
        Assert.False(html.Contains("<script>alert", StringComparison.OrdinalIgnoreCase), $"{page} : balise <script> injectée telle quelle.");
        Assert.False(html.Contains("<img src=x", StringComparison.OrdinalIgnoreCase), $"{page} : balise <img onerror> injectée telle quelle.");
        Assert.False(html.Contains("\"><img", StringComparison.Ordinal), $"{page} : attribut refermé par la saisie.");
        Assert.True(html.Contains("&lt;script&gt;alert(", StringComparison.Ordinal), $"{page} : la saisie n’est pas affichée (encodée) : le test ne prouve rien.");
    }

    private static async Task<string> HtmlAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} → {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task FamilyApplication_RejectedOrSaved_ShowsTheTypedTextEncoded()
    {
        var (family, _) = await app.SignedInFamilyAsync();
        var creche = (await app.CrechesAsync(Commune, 1))[0];
        var form = ApplicationTestData.ValidForm(Commune, creche.Id.ToString());
        form["Input.Child.FirstName"] = Payload;
        form["Input.Street"] = Payload;

        using var response = await ApplicationTestData.PostAsync(family, ApplicationTestData.NewPath(Commune), form);

        // The name check refuses the markup: the form comes back with what was typed, in value="…" attributes.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertEncoded(await response.Content.ReadAsStringAsync(), "formulaire de demande refusé");
    }

    [Fact]
    public async Task StaffNoteOnAnApplication_IsEncodedOnTheFile()
    {
        var application = await app.FamilyApplicationAsync(Commune);
        using var staff = await Intruders.EveryRoleAsync(app);
        var path = $"/pro/demandes/{application.Id}";

        using var saved = await Forms.PostFormToAsync(staff, path, path + "?handler=Note", [KeyValuePair.Create("Note.Text", Payload)]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        AssertEncoded(await HtmlAsync(staff, path), "dossier (note du guichet)");
    }

    [Fact]
    public async Task FollowUpNote_IsEncodedOnTheCase()
    {
        var application = await app.ApplicationAsync(null, commune: Commune);
        var id = await app.CaseAsync(application, commune: Commune);
        using var staff = await Intruders.EveryRoleAsync(app);
        var path = FollowUpTestData.Path(id);

        using var saved = await Forms.PostFormToAsync(staff, path, path + "?handler=Action",
            [new("Action.Version", "0"), new("Action.Kind", "Call"), new("Action.On", "2026-11-23"), new("Action.Note", Payload)]);

        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", await Forms.ErrorSummaryAsync(saved)));
        AssertEncoded(await HtmlAsync(staff, path), "suivi (note d’action)");
    }

    [Fact]
    public async Task ContactRequestMessage_IsEncodedForTheChildminderAndTheFamily()
    {
        var world = await VictimWorld.OfAsync(app);
        var childminder = world.Urls["am/disponibilites/{id:guid?}"].Split('/')[^1];
        var (family, _, _) = await Accounts.SignInAsNewFamilyAsync(app);

        using var sent = await Forms.PostFormAsync(family, $"/assistants-maternels/{childminder}/contact",
            ("Input.ChildAgeMonths", "10"), ("Input.Days", "Monday"), ("Input.StartOn", "2027-01-04"), ("Input.Message", Payload));

        Assert.True(sent.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", await Forms.ErrorSummaryAsync(sent)));
        var id = sent.Headers.Location!.OriginalString.Split('/')[^1];
        AssertEncoded(await HtmlAsync(family, $"/famille/contacts/{id}"), "demande de contact (famille)");
        AssertEncoded(await HtmlAsync(world.Owners["am/demandes/{id:guid}"], $"/am/demandes/{id}"), "demande de contact (assistant·e maternel·le)");
    }

    [Fact]
    public async Task ErasureReason_IsEncodedForTheGuichet()
    {
        var application = await app.FamilyApplicationAsync(Commune);
        using var staff = await Intruders.EveryRoleAsync(app);

        using var asked = await Forms.PostFormAsync(application.Family, $"/famille/demandes/{application.Id}/effacement", ("Reason", Payload));

        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var request = await app.WithDbAsync(db => db.ErasureRequests.Where(r => r.ApplicationId == new Domain.Applications.ApplicationId(application.Id)).Select(r => r.Id).SingleAsync());
        AssertEncoded(await HtmlAsync(staff, $"/pro/effacements/{request}"), "demande d’effacement");
    }

    [Fact]
    public async Task JobOffer_IsEncodedOnTheStaffAndPublicPages()
    {
        using var staff = await Intruders.EveryRoleAsync(app);
        var title = "Poste " + Guid.NewGuid().ToString("N")[..8] + " " + Payload;
        var fields = StaffingTestData.JobFields(title, commune: Commune).Select(f => f.Item1 == "Input.Description" ? (f.Item1, Payload) : f)
            .Select(f => KeyValuePair.Create(f.Item1, f.Item2));

        using var created = await Forms.PostFormAsync(staff, "/pro/emplois/nouvelle", fields);

        Assert.True(created.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", await Forms.ErrorSummaryAsync(created)));
        var job = (await app.JobsTitledAsync(title)).Single();
        AssertEncoded(await HtmlAsync(staff, $"/pro/emplois/{job.Id}"), "offre d’emploi (pro)");
        AssertEncoded(await HtmlAsync(app.Client(), $"/emplois/{job.Id}"), "offre d’emploi (publique)");
    }

    [Fact]
    public async Task Meeting_TypedByStaffAndTheNameOfAnAnonymousVisitor_AreEncoded()
    {
        using var staff = await Intruders.EveryRoleAsync(app);
        var date = BerceauApp.Now.AddDays(20).ToString("yyyy-MM-dd");
        using var created = await Forms.PostFormAsync(staff, "/pro/reunions/nouvelle",
            ("Input.Title", "Réunion " + Payload), ("Input.Kind", "Forum"), ("Input.Audience", "Parents"), ("Input.CommuneCode", Commune),
            ("Input.Organiser", "Relais " + Payload), ("Input.Date", date), ("Input.StartsAt", "18:00"), ("Input.EndsAt", "19:30"),
            ("Input.Place", Payload), ("Input.VideoLink", ""), ("Input.Capacity", "30"), ("Input.Languages", "Français"), ("Input.Description", Payload));
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", await Forms.ErrorSummaryAsync(created)));
        var path = created.Headers.Location!.OriginalString;
        using var published = await Forms.PostFormToAsync(staff, path, $"{path}?handler=Publish", [KeyValuePair.Create("version", "0")]);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var id = path.Split('/')[^1];

        using var registered = await Forms.PostFormAsync(app.Client(), $"/reunions/{id}/inscription",
            ("Input.Attendees", "1"), ("Input.Name", Payload), ("Input.Email", $"xss.{Guid.NewGuid():N}@test.berceau.fr"), ("Input.Consent", "true"));

        Assert.True(registered.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", await Forms.ErrorSummaryAsync(registered)));
        AssertEncoded(await HtmlAsync(app.Client(), $"/reunions/{id}"), "réunion (publique)");
        AssertEncoded(await HtmlAsync(staff, path), "réunion (pro)");
        // The attendance list is a CSV download, never a page: ExportInjectionTests.
    }

    [Fact]
    public async Task SchemaFiche_IsEncodedOnTheStaffAndPublicPages()
    {
        var schema = await app.SchemaAsync();
        using var secretariat = await app.SecretariatAsync();
        var path = $"/pro/schema/{schema.Schema.Id}";

        using var sheet = await Forms.PostFormAsync(secretariat, path + "/fiches/nouvelle",
            ("Input.AxisId", schema.Piloted.AxisId.ToString()), ("Input.Number", "9.9"), ("Input.Title", "Fiche " + Payload),
            ("Input.PilotId", schema.Pilot.Id.ToString()), ("Input.Issues", Payload + "\nUn autre enjeu"),
            ("Input.Indicators[0].Label", Payload), ("Input.Indicators[0].Target", Payload), ("Input.Indicators[0].ObservatoryKey", ""),
            ("Input.PlannedPlaces[0].CommuneCode", "93048"), ("Input.PlannedPlaces[0].Year", schema.Schema.StartYear.ToString()),
            ("Input.PlannedPlaces[0].Places", "12"), ("Input.PlannedPlaces[0].Mode", "EAJE_COLLECTIF"), ("Input.PlannedPlaces[0].Label", Payload));
        Assert.True(sheet.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", await Forms.ErrorSummaryAsync(sheet)));
        var sheetPath = sheet.Headers.Location!.OriginalString;
        using var published = await Forms.PostFormToAsync(secretariat, sheetPath, sheetPath + "?handler=Publish", [KeyValuePair.Create("Publication.Version", "0")]);

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        AssertEncoded(await HtmlAsync(secretariat, sheetPath), "fiche du schéma (pro)");
        AssertEncoded(await HtmlAsync(app.Client(), $"/schema/{SchemaTestData.Departement}/fiches/{sheetPath.Split('/')[^1]}"), "fiche du schéma (publique)");
        AssertEncoded(await HtmlAsync(secretariat, path + "/avancement"), "état d’avancement (places prévues)");
        AssertEncoded(await HtmlAsync(secretariat, path + $"/rapport-annuel?annee={schema.Schema.StartYear}"), "rapport annuel (fiche, indicateur)");
    }

    [Fact]
    public async Task Governance_InstanceAgendaMinutesDecisionAndMember_AreEncoded()
    {
        var t = await Features.Governance.GovernanceTestData.BodyAsync(app);
        using var secretariat = await app.SecretariatAsync();
        var meeting = $"/pro/schema/reunions/{t.Today.Id}";

        using (var member = await Forms.PostFormToAsync(secretariat, $"/pro/schema/instances/{t.Id}", $"/pro/schema/instances/{t.Id}?handler=AddMember",
            [KeyValuePair.Create("Member.Version", "0"), KeyValuePair.Create("Member.OrganisationId", t.Outsider.Id.ToString()),
             KeyValuePair.Create("Member.Role", "Member"), KeyValuePair.Create("Member.PersonName", Payload)]))
            Assert.True(member.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", await Forms.ErrorSummaryAsync(member)));
        using (var changed = await Forms.PostFormAsync(secretariat, $"{meeting}/modifier", ("Input.Version", "0"),
            ("Input.Date", t.Today.Date.ToString("yyyy-MM-dd")), ("Input.StartsAt", "09:30"), ("Input.EndsAt", "12:00"), ("Input.Place", Payload), ("Input.Agenda", Payload)))
            Assert.True(changed.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", await Forms.ErrorSummaryAsync(changed)));
        using (var minutes = await Forms.PostFormAsync(secretariat, $"{meeting}/compte-rendu", ("Input.Version", "1"), ("Input.Minutes", Payload)))
            Assert.True(minutes.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", await Forms.ErrorSummaryAsync(minutes)));
        using (var decision = await Forms.PostFormAsync(secretariat, $"{meeting}/decisions/nouvelle", ("Input.Version", "2"), ("Input.Text", Payload),
            ("Input.OwnerId", t.A.Id.ToString()), ("Input.DueOn", t.Today.Date.ToString("yyyy-MM-dd"))))
            Assert.True(decision.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", await Forms.ErrorSummaryAsync(decision)));

        AssertEncoded(await HtmlAsync(secretariat, $"/pro/schema/instances/{t.Id}"), "instance de gouvernance");
        // The annual report of a schéma of the 93 running this year lists the meeting and its decision (drafts only: nobody's public schéma).
        var annual = await app.SchemaAsync(startYear: t.Today.Date.Year, publish: false);
        AssertEncoded(await HtmlAsync(secretariat, $"/pro/schema/{annual.Id}/rapport-annuel?annee={t.Today.Date.Year}"), "rapport annuel (décision)");
        AssertEncoded(await HtmlAsync(secretariat, meeting), "réunion d’instance");
        AssertEncoded(await HtmlAsync(secretariat, $"/pro/schema/suivi?instance={t.Id}"), "suivi des décisions");
    }
    [Fact]
    public async Task Survey_TitleQuestionsOptionsAndFreeAnswers_AreEncoded()
    {
        using var agent = await app.SignedInAsync(Domain.Access.Roles.Agent, commune: Commune);
        var id = await SurveysTestData.CreateAsync(app, agent, Commune, Payload);
        await SurveysTestData.PostAsync(agent, id, "Details", [.. SurveysTestData.Fields(app, Commune, Payload).Select(f => f.Item1 == "Input.Introduction" ? (f.Item1, Payload) : f)]);
        await SurveysTestData.AddQuestionAsync(agent, id, Domain.Surveys.QuestionKind.SingleChoice, Payload, $"{Payload}\nAutre");
        await SurveysTestData.AddQuestionAsync(agent, id, Domain.Surveys.QuestionKind.FreeText, "Une remarque ?", required: false);
        await SurveysTestData.PostAsync(agent, id, "Open");
        var people = Enumerable.Range(1, 5).Select(i => $"xss{i}.{Guid.NewGuid():N}@exemple.fr").ToArray();
        await SurveysTestData.InviteAsync(agent, id, people);
        var q = await SurveysTestData.QuestionsAsync(app, id);
        using var visitor = app.Client();
        AssertEncoded(await HtmlAsync(visitor, await SurveysTestData.LinkAsync(app, people[0])), "page de réponse au questionnaire");
        foreach (var person in people)
            await SurveysTestData.AnswerAsync(app, await SurveysTestData.LinkAsync(app, person), (q[0].Id, "0"), (q[1].Id, Payload));
        Assert.Equal(5, await app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == id)));
        AssertEncoded(await HtmlAsync(agent, $"/pro/enquetes/{id}"), "page du questionnaire");
        AssertEncoded(await HtmlAsync(agent, "/pro/enquetes"), "liste des questionnaires");
        AssertEncoded(await HtmlAsync(agent, $"/pro/enquetes/{id}/resultats"), "résultats du questionnaire");
        AssertEncoded(await HtmlAsync(agent, $"/pro/enquetes/{id}/invitations"), "invitations du questionnaire");
    }
}
