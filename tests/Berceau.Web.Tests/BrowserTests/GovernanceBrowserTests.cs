using Berceau.Domain.Access;
using Berceau.Domain.Governance;
using Berceau.Web.Tests.Features.Governance;
using Berceau.Web.Tests.Features.Schema;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Berceau.Web.Tests.BrowserTests;

/// <summary>
/// The governance end to end: a secretary of the CDSF creates an instance, adds a member, schedules a meeting, sends the
/// invitations (in the outbox, with the .ics), records attendance and minutes, then a decision whose follow-up action appears in
/// the « suivi des décisions ». Bad input is refused on the way. Axe-clean on every page visited.
/// </summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Browser")]
public sealed class GovernanceBrowserTests(BerceauApp app) : BrowserTest(app)
{
    [Fact]
    public async Task ASecretary_SchedulesAMeeting_RecordsAttendanceAndMinutes_AndTheDecisionIsFollowedUp()
    {
        var t = await App.BodyAsync();
        await SignInAsStaffAsync(Roles.Steering, departement: SchemaTestData.Departement);
        var name = $"Comité thématique accueil {t.Tag}";
        var today = GovernanceTestData.Today(App);

        await Page.GotoAsync("/pro/schema");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Instances de gouvernance" }).ClickAsync();
        await AssertNoAxeViolationAsync("la liste des instances");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Créer une instance" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l’instance" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Il y a un problème" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la création d’instance refusée");
        await Page.GetByLabel("Comité thématique").CheckAsync();
        await Page.GetByLabel("Nom de l’instance").FillAsync(name);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l’instance" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la page de l’instance");

        await Page.GetByLabel("Organisation", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = t.A.Name });
        await Page.GetByLabel("Rôle").SelectOptionAsync(new SelectOptionValue { Label = "Président·e" });
        await Page.GetByLabel("Personne qui siège (facultatif)").FillAsync("Marie Présidente");
        await Page.GetByLabel("Adresse e-mail (facultatif)").FillAsync($"presidente-{t.Tag}@caf-test.fr");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ajouter le membre" }).ClickAsync();
        await Expect(Page.GetByText("Le membre est ajouté.")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Cell, new() { Name = t.A.Name, Exact = true })).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Planifier une réunion" }).ClickAsync();
        await Page.GetByLabel("Date").FillAsync(today.AddDays(-1).ToString("yyyy-MM-dd"));
        await Page.GetByLabel("Lien de visioconférence (facultatif)").FillAsync("http://visio.example");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Planifier la réunion" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Il y a un problème" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la réunion refusée");
        await Page.GetByLabel("Date").FillAsync(today.ToString("yyyy-MM-dd"));
        await Page.GetByLabel("Heure de début").FillAsync("09:30");
        await Page.GetByLabel("Heure de fin").FillAsync("12:00");
        await Page.GetByLabel("Lieu").FillAsync("Hôtel du département, Bobigny");
        await Page.GetByLabel("Lien de visioconférence (facultatif)").FillAsync("https://visio.example/comite");
        await Page.GetByLabel("Ordre du jour").FillAsync("Ouverture\nPlaces vacantes\nQuestions diverses");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Planifier la réunion" }).ClickAsync();
        await Expect(Page.GetByText("La réunion est planifiée.")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la page de la réunion");
        var meetingId = Guid.Parse(new Uri(Page.Url).Segments[^1]);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Envoyer les invitations" }).ClickAsync();
        await Expect(Page.GetByText("1 invitation(s) envoyée(s), avec le fichier d’agenda (.ics).")).ToBeVisibleAsync();
        var invitation = Assert.Single(await App.MessagesAsync(meetingId));
        Assert.Equal($"presidente-{t.Tag}@caf-test.fr", invitation.RecipientEmail);
        Assert.Contains("METHOD:REQUEST", GovernanceTestData.Calendar(invitation));

        await Page.GetByRole(AriaRole.Link, new() { Name = "Noter les présences et le compte rendu" }).ClickAsync();
        await AssertNoAxeViolationAsync("les présences et le compte rendu");
        await Page.GetByRole(AriaRole.Group, new() { Name = $"{t.A.Name} (Marie Présidente)" }).GetByLabel("Excusé·e").CheckAsync();
        await Page.GetByLabel("Représenté·e par (facultatif)").FillAsync("Paul Adjoint");
        await Page.GetByLabel("Compte rendu").FillAsync("Le comité a examiné les places vacantes.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les présences et le compte rendu" }).ClickAsync();
        await Expect(Page.GetByText("Les présences et le compte rendu sont enregistrés.")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Le comité a examiné les places vacantes.")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Cell, new() { Name = "Paul Adjoint", Exact = true })).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Ajouter une décision" }).ClickAsync();
        await Page.GetByLabel("Décision", new() { Exact = true }).FillAsync("Recenser les places vacantes des crèches");
        await Page.GetByLabel("Organisation responsable").SelectOptionAsync(new SelectOptionValue { Label = t.B.Name });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la décision" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Indiquez l’échéance de l’action." })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la décision refusée");
        await Page.GetByLabel("Échéance").FillAsync(today.AddDays(30).ToString("yyyy-MM-dd"));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la décision" }).ClickAsync();
        await Expect(Page.GetByText("La décision est enregistrée.")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Recenser les places vacantes des crèches" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la réunion tenue");

        await Page.GotoAsync("/pro/schema/suivi");
        await Page.GetByLabel("Instance").SelectOptionAsync(new SelectOptionValue { Label = name });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("1 action");
        await AssertNoAxeViolationAsync("le suivi des décisions");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Recenser les places vacantes des crèches" }).ClickAsync();
        await Page.GetByLabel("En cours").CheckAsync();
        await Page.GetByLabel("Commentaire (facultatif)").FillAsync("Questionnaire envoyé aux crèches.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(Page.GetByText("L’état de l’action est enregistré.")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("une action de suivi");

        var meeting = await App.MeetingAsync(meetingId);
        Assert.Equal(GovernanceMeetingStatus.Held, meeting.Status);
        var action = Assert.Single(await App.FollowUpsAsync(meetingId));
        Assert.Equal((t.B.Id, FollowUpStatus.InProgress), (action.OwnerId, action.Status));
    }

    [Fact]
    public async Task AMember_ReadsTheMeeting_AndUpdatesItsAction_WithTheKeyboard()
    {
        var t = await App.BodyAsync();
        var today = GovernanceTestData.Today(App);
        var actionId = await App.WithDbAsync(async db =>
        {
            var meeting = await db.GovernanceMeetings.Include(m => m.Decisions).FirstAsync(m => m.Id == t.Today.Id);
            var decision = meeting.Decide("Écrire la charte d’accueil", today, BerceauApp.Now, "test").Value;
            var action = DecisionFollowUp.Create(GovernanceTestData.Departement, t.Id, meeting.Id, decision, null, t.A.Id, today, today, null, BerceauApp.Now).Value;
            db.DecisionFollowUps.Add(action);
            await db.SaveChangesAsync();
            return action.Id;
        });
        var email = await SignInAsStaffAsync(Roles.Partner);
        await App.LinkAsync(t.A, email);

        await Page.GotoAsync("/pro/schema/instances");
        await Page.GetByRole(AriaRole.Link, new() { Name = t.Body.Name }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Planifier une réunion" })).ToHaveCountAsync(0);
        await AssertNoAxeViolationAsync("l’instance vue par un membre");
        await Page.GotoAsync(GovernanceTestData.MeetingPath(t.Today.Id));
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Envoyer les invitations" })).ToHaveCountAsync(0);
        await AssertNoAxeViolationAsync("la réunion vue par un membre");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Écrire la charte d’accueil" }).ClickAsync();
        await Page.GetByLabel("Faite").CheckAsync();
        await Page.GetByLabel("Commentaire (facultatif)").FillAsync("Charte adoptée.");
        await Page.GetByLabel("Commentaire (facultatif)").FocusAsync();
        await TabToAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }));
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByText("L’état de l’action est enregistré.")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("l’action mise à jour par son responsable");
        Assert.Equal(FollowUpStatus.Done, await App.WithDbAsync(db => db.DecisionFollowUps.Where(a => a.Id == actionId).Select(a => a.Status).SingleAsync()));
    }
}
