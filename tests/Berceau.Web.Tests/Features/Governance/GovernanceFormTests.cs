using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Governance;
using Berceau.Web.Tests.Features.Schema;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Governance.GovernanceTestData;

namespace Berceau.Web.Tests.Features.Governance;

/// <summary>The secretariat's forms: what they create, and bad input refused with a French message, nothing changed.</summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public sealed class GovernanceFormTests(BerceauApp app)
{
    [Fact]
    public async Task TheSecretariat_CreatesAnInstance_AddsAMember_AndSchedulesAMeeting()
    {
        var t = await app.BodyAsync();
        using var secretariat = await app.SecretariatAsync();
        var name = $"Groupe de travail handicap {t.Tag}";

        var created = await Forms.PostFormAsync(secretariat, "/pro/schema/instances/edition",
            ("Input.Departement", Departement), ("Input.Kind", "WorkingGroup"), ("Input.Name", name), ("Input.Description", "Accueil inclusif"));
        SchemaTestData.AssertRedirect(created);
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        var body = await app.ReloadAsync(id);
        Assert.Equal((GovernanceKind.WorkingGroup, name, Departement, 0), (body.Kind, body.Name, body.DepartementCode, body.Version));

        SchemaTestData.AssertRedirect(await Forms.PostFormToAsync(secretariat, $"/pro/schema/instances/{id}", $"/pro/schema/instances/{id}?handler=AddMember",
            [KeyValuePair.Create("Member.Version", "0"), KeyValuePair.Create("Member.OrganisationId", t.A.Id.ToString()), KeyValuePair.Create("Member.Role", "Chair"),
             KeyValuePair.Create("Member.PersonName", "Marie"), KeyValuePair.Create("Member.Email", $"marie2-{t.Tag}@caf-test.fr")]));
        var member = Assert.Single((await app.ReloadAsync(id)).Members);
        Assert.Equal((t.A.Id, MemberRole.Chair, $"marie2-{t.Tag}@caf-test.fr"), (member.OrganisationId, member.Role, member.Email));

        var today = Today(app).AddDays(10).ToString("yyyy-MM-dd");
        var scheduled = await Forms.PostFormAsync(secretariat, $"/pro/schema/instances/{id}/reunions/nouvelle",
            ("Input.Version", "0"), ("Input.Date", today), ("Input.StartsAt", "14:00"), ("Input.EndsAt", "16:30"), ("Input.Place", "Hôtel du département"),
            ("Input.VideoLink", "https://visio.example/gt"), ("Input.Agenda", "Ouverture\n\nBilan 2025\nQuestions diverses"));
        SchemaTestData.AssertRedirect(scheduled);
        var meetingId = Guid.Parse(scheduled.Headers.Location!.OriginalString.Split('/')[^1]);
        var meeting = await app.MeetingAsync(meetingId);
        Assert.Equal((GovernanceMeetingStatus.Planned, new TimeOnly(16, 30), "https://visio.example/gt"), (meeting.Status, meeting.EndsAt, meeting.VideoLink));
        Assert.Equal(["Ouverture", "Bilan 2025", "Questions diverses"], meeting.Agenda.OrderBy(a => a.Position).Select(a => a.Title));
        Assert.Equal(["création d’une instance", "ajout d’un membre à une instance"], await app.AuditAsync(id));
        Assert.Equal(["réunion d’instance planifiée"], await app.AuditAsync(meetingId));
    }

    [Fact]
    public async Task BadInput_IsRefusedInFrench_AndNothingChanges()
    {
        var t = await app.BodyAsync();
        using var secretariat = await app.SecretariatAsync();
        var name = $"Instance refusée {t.Tag}";

        var noKind = await Forms.PostFormAsync(secretariat, "/pro/schema/instances/edition", ("Input.Departement", Departement), ("Input.Kind", "Bureau"), ("Input.Name", name));
        Assert.Equal(HttpStatusCode.OK, noKind.StatusCode);
        Assert.Contains("Choisissez le type d’instance : CDSF plénière, comité de pilotage, comité thématique ou groupe de travail.", await Forms.ErrorSummaryAsync(noKind));
        var otherDepartement = await Forms.PostFormAsync(secretariat, "/pro/schema/instances/edition", ("Input.Departement", "92"), ("Input.Kind", "Plenary"), ("Input.Name", name));
        Assert.Contains("Choisissez un département dont vous tenez le secrétariat du schéma.", await Forms.ErrorSummaryAsync(otherDepartement));
        Assert.False(await app.WithDbAsync(db => db.GovernanceBodies.AnyAsync(b => b.Name == name)));

        var member = await Forms.PostFormToAsync(secretariat, $"/pro/schema/instances/{t.Id}", $"/pro/schema/instances/{t.Id}?handler=AddMember",
            [KeyValuePair.Create("Member.Version", "0"), KeyValuePair.Create("Member.OrganisationId", Guid.NewGuid().ToString()), KeyValuePair.Create("Member.Role", "Member"),
             KeyValuePair.Create("Member.Email", "pas-une-adresse")]);
        Assert.Equal(["Cette valeur n’est pas reconnue.", "Saisissez une adresse e-mail valide, par exemple prenom.nom@commune.fr."], await Forms.ErrorSummaryAsync(member));
        var stale = await Forms.PostFormToAsync(secretariat, $"/pro/schema/instances/{t.Id}", $"/pro/schema/instances/{t.Id}?handler=AddMember",
            [KeyValuePair.Create("Member.Version", "7"), KeyValuePair.Create("Member.OrganisationId", t.Outsider.Id.ToString()), KeyValuePair.Create("Member.Role", "Member")]);
        Assert.Contains("modifié par quelqu’un d’autre", string.Join(" ", await Forms.ErrorSummaryAsync(stale)));
        Assert.Equal(2, (await app.ReloadAsync(t.Id)).Members.Count);

        var past = await Forms.PostFormAsync(secretariat, $"/pro/schema/instances/{t.Id}/reunions/nouvelle",
            ("Input.Date", Today(app).AddDays(-1).ToString("yyyy-MM-dd")), ("Input.StartsAt", "16:00"), ("Input.EndsAt", "14:00"),
            ("Input.VideoLink", "http://visio.example/x"), ("Input.Agenda", " "));
        Assert.Equal(HttpStatusCode.OK, past.StatusCode);
        var errors = await Forms.ErrorSummaryAsync(past);
        Assert.Contains("L’heure de fin doit être après l’heure de début.", errors);
        Assert.Contains("Saisissez le lien complet de la visioconférence, qui commence par https://.", errors);
        Assert.Contains("Écrivez l’ordre du jour : un point par ligne.", errors);
        Assert.Contains(errors, e => e.StartsWith("Saisissez une date entre aujourd’hui", StringComparison.Ordinal));
        Assert.Equal(2, await app.WithDbAsync(db => db.GovernanceMeetings.CountAsync(m => m.BodyId == t.Id)));

        // Attendance and decisions wait for the meeting's day; a present member is not represented.
        var early = await Forms.PostFormAsync(secretariat, $"{MeetingPath(t.Later.Id)}/compte-rendu", ("Input.Version", "0"),
            ("Input.Attendance[0].MemberId", t.MemberA.Id.ToString()), ("Input.Attendance[0].Presence", "Present"), ("Input.Minutes", "Trop tôt"));
        Assert.Contains(await Forms.ErrorSummaryAsync(early), e => e.StartsWith("La réunion a lieu le", StringComparison.Ordinal));
        var represented = await Forms.PostFormAsync(secretariat, $"{MeetingPath(t.Today.Id)}/compte-rendu", ("Input.Version", "0"),
            ("Input.Attendance[0].MemberId", t.MemberA.Id.ToString()), ("Input.Attendance[0].Presence", "Present"), ("Input.Attendance[0].RepresentedBy", "Jean"));
        Assert.Contains(await Forms.ErrorSummaryAsync(represented), e => e.StartsWith("Un membre présent n’est pas représenté", StringComparison.Ordinal));

        var decision = await Forms.PostFormAsync(secretariat, $"{MeetingPath(t.Today.Id)}/decisions/nouvelle", ("Input.Version", "0"),
            ("Input.Text", "Lancer l’enquête"), ("Input.OwnerId", t.A.Id.ToString()), ("Input.SheetId", Guid.NewGuid().ToString()));
        var decisionErrors = await Forms.ErrorSummaryAsync(decision);
        Assert.Contains("Indiquez l’échéance de l’action.", decisionErrors);
        Assert.Contains("Cette valeur n’est pas reconnue.", decisionErrors);

        using var upload = new MultipartFormDataContent
        {
            { new StringContent("Compte rendu"), "Document.Title" },
            { new StringContent(await Forms.AntiforgeryTokenAsync(secretariat, MeetingPath(t.Today.Id))), "__RequestVerificationToken" },
        };
        var script = new ByteArrayContent("<script>alert(1)</script>"u8.ToArray());
        script.Headers.ContentType = new("application/pdf");
        upload.Add(script, "Upload", "compte-rendu.pdf");
        var refused = await secretariat.PostAsync($"{MeetingPath(t.Today.Id)}?handler=Document", upload);
        Assert.Contains("Le fichier doit être un PDF, un JPEG ou un PNG.", await Forms.ErrorSummaryAsync(refused));

        var meeting = await app.MeetingAsync(t.Today.Id);
        Assert.Equal((GovernanceMeetingStatus.Planned, 0, 0, 0, (string?)null), (meeting.Status, meeting.Version, meeting.Attendance.Count, meeting.Decisions.Count, meeting.Minutes));
        Assert.Empty(await app.FollowUpsAsync(t.Today.Id));
        Assert.False(await app.WithDbAsync(db => db.GovernanceDocuments.AnyAsync(d => d.MeetingId == t.Today.Id)));
        Assert.Empty(await app.AuditAsync(t.Today.Id));
    }

    [Fact]
    public async Task AttendanceMinutesAndADecision_MakeTheMeetingHeld_AFollowUpAction_AndAProgressUpdateOnTheFiche()
    {
        var t = await app.BodyAsync();
        var schema = await app.SchemaAsync();
        using var secretariat = await app.SecretariatAsync();
        var path = MeetingPath(t.Today.Id);

        SchemaTestData.AssertRedirect(await Forms.PostFormAsync(secretariat, $"{path}/compte-rendu", ("Input.Version", "0"),
            ("Input.Attendance[0].MemberId", t.MemberA.Id.ToString()), ("Input.Attendance[0].Presence", "Present"),
            ("Input.Attendance[1].MemberId", t.MemberB.Id.ToString()), ("Input.Attendance[1].Presence", "Excused"), ("Input.Attendance[1].RepresentedBy", "Paul Adjoint"),
            ("Input.Minutes", "Le comité a examiné le bilan des fiches.")));
        var due = Today(app).AddDays(30);
        SchemaTestData.AssertRedirect(await Forms.PostFormAsync(secretariat, $"{path}/decisions/nouvelle", ("Input.Version", "1"),
            ("Input.Text", "Recenser les places vacantes des crèches"), ("Input.OwnerId", t.B.Id.ToString()), ("Input.DueOn", due.ToString("yyyy-MM-dd")),
            ("Input.SheetId", schema.Piloted.Id.ToString()), ("Input.SheetState", "InProgress")));

        var meeting = await app.MeetingAsync(t.Today.Id);
        Assert.Equal((GovernanceMeetingStatus.Held, "Le comité a examiné le bilan des fiches."), (meeting.Status, meeting.Minutes));
        Assert.Equal((Presence.Excused, "Paul Adjoint"), meeting.Attendance.Where(a => a.MemberId == t.MemberB.Id).Select(a => (a.Presence, a.RepresentedBy)).Single());
        var decision = Assert.Single(meeting.Decisions);
        var action = Assert.Single(await app.FollowUpsAsync(t.Today.Id));
        Assert.Equal((decision.Id, t.B.Id, due, FollowUpStatus.ToDo, "Recenser les places vacantes des crèches", schema.Piloted.Id),
            (action.DecisionId, action.OwnerId, action.DueOn, action.Status, action.Title, action.SheetId!.Value));
        var sheet = await app.SheetAsync(schema.Piloted.Id);
        var update = Assert.Single(sheet.Updates);
        Assert.Equal((ProgressStateOf("InProgress"), Today(app)), (update.State, update.On));
        Assert.StartsWith($"Décision de « {t.Body.Name} »", update.Comment, StringComparison.Ordinal);

        var table = await Forms.TextAsync(await secretariat.GetAsync($"/pro/schema/suivi?instance={t.Id}"));
        Assert.Contains("Recenser les places vacantes des crèches", table);
        Assert.Contains("1 action", table);
        Assert.Equal(["présences et compte rendu", "décision d’une réunion d’instance"], await app.AuditAsync(t.Today.Id));
    }

    [Fact]
    public async Task TheDecisionForm_SaysADecisionWrittenIntoAPublishedFiche_BecomesPublic()
    {
        // The fiche's états d'avancement are on its public page and in the newsletter draft (docs/newsletter.md).
        var t = await app.BodyAsync();
        using var secretariat = await app.SecretariatAsync();
        var page = await Forms.TextAsync(await secretariat.GetAsync($"{MeetingPath(t.Today.Id)}/decisions/nouvelle"));
        Assert.Contains("Si la fiche est publiée, le texte de la décision devient public : page publique de la fiche et brouillon du journal du schéma.", page);
    }

    private static Domain.Schema.ProgressState ProgressStateOf(string name) => Enum.Parse<Domain.Schema.ProgressState>(name);
}
