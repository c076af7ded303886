using System.Net;
using System.Runtime.CompilerServices;
using Berceau.Domain.Offer;
using Berceau.Web.Tests.Features.Applications;
using Berceau.Web.Tests.Features.Applications.BackOffice;
using Berceau.Web.Tests.Features.Childminders;
using Berceau.Web.Tests.Features.Decisions;
using Berceau.Web.Tests.Features.FollowUp;
using Berceau.Web.Tests.Features.Meetings;
using Berceau.Web.Tests.Features.OccasionalCare;
using Berceau.Web.Tests.Features.Schema;
using Berceau.Web.Tests.Features.Staffing;
using Berceau.Web.Tests.Features.Territories;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Security;

/// <summary>
/// Real records owned by someone else, made once per app with the features' own test builders: families of Montreuil with
/// their applications (one with a proof, one asking for erasure, four in a published commission with offers), the
/// commune's crèches, sector, meeting, job offer, follow-up case, occasional care (slot, child, booking), a childminder with a
/// family's contact request and a pending self-registration, and a schéma of the département. <see cref="Urls"/> gives, for
/// each route template of the app that takes a parameter, the address of one of these records.
/// </summary>
internal sealed class VictimWorld
{
    /// <summary>Montreuil: every record of the world is in this commune (or its département, 93).</summary>
    public const string Commune = "93048";

    private static readonly ConditionalWeakTable<BerceauApp, Task<VictimWorld>> Worlds = [];

    /// <summary>Route template (as the endpoint's pattern, without its leading slash) → an address of another's record.</summary>
    public required IReadOnlyDictionary<string, string> Urls { get; init; }

    /// <summary>The owner of the first application (for tests that read it as its family).</summary>
    public required Submitted Filed { get; init; }

    /// <summary>
    /// Who may open each route's address (the owning family or childminder, else a person with every role and grants on
    /// Montreuil and the 93): the sweep's control, proving that the addresses lead to real records.
    /// </summary>
    public required IReadOnlyDictionary<string, HttpClient> Owners { get; init; }

    public required Guid FollowUpCase { get; init; }
    public required Guid OccasionalChild { get; init; }
    public required Facility OccasionalCreche { get; init; }

    public static Task<VictimWorld> OfAsync(BerceauApp app)
    {
        lock (Worlds)
        {
            if (!Worlds.TryGetValue(app, out var world))
            {
                world = CreateAsync(app);
                Worlds.Add(app, world);
            }
            return world;
        }
    }

    private static async Task<VictimWorld> CreateAsync(BerceauApp app)
    {
        // A published commission (offers sent) with four families, their applications and two crèches.
        var scene = await Scene.PublishedAsync(app, commune: Commune);
        var offer = await app.WithDbAsync(db => db.PlaceOffers.Where(o => o.SessionId == new Domain.Commission.CommissionSessionId(scene.Session)).OrderBy(o => o.OfferedAt).ThenBy(o => o.Seat).FirstAsync());
        var offered = offer.ApplicationId.Value;

        // A family's submitted application with a proof; another one's with an erasure request.
        var filed = await app.FamilyApplicationAsync(Commune);
        var document = await app.DocumentAsync(filed);
        var erasing = await app.FamilyApplicationAsync(Commune);
        using (var erasure = await Forms.PostFormAsync(erasing.Family, $"/famille/demandes/{erasing.Id}/effacement", ("Reason", "Déménagement.")))
            Assert.Equal(HttpStatusCode.Redirect, erasure.StatusCode);
        var erasureId = await app.WithDbAsync(db => db.ErasureRequests.Where(r => r.ApplicationId == new Domain.Applications.ApplicationId(erasing.Id)).Select(r => r.Id).SingleAsync());

        // A person with every role and grants on Montreuil and the 93: the control's "owner" of the commune's records.
        var owner = await Intruders.EveryRoleAsync(app);
        var today = DateOnly.FromDateTime(BerceauApp.Now.UtcDateTime);
        var followUp = await app.CaseAsync(filed.Id, commune: Commune, then: c => c.Plan(Domain.FollowUp.FollowUpStep.SendProposal, today, today));
        using (var sent = await Forms.PostFormAsync(owner, $"/pro/suivi/{followUp}/courrier", ("Send.Version", "1")))
            Assert.True(sent.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", await Forms.ErrorSummaryAsync(sent)));
        var letter = await app.WithDbAsync(db => db.SentLetters.Where(l => l.CaseId == new Domain.FollowUp.FollowUpCaseId(followUp)).Select(l => l.Id).SingleAsync());
        var sector = await app.SaveSectorAsync(Commune, "Secteur " + Guid.NewGuid().ToString("N")[..8]);
        var meeting = await app.MeetingAsync(commune: Commune);
        var job = await app.JobAsync(commune: Commune);
        var freeze = await app.FreezeAsync(scene.A, 0, 1, StaffingTestData.Today(app).AddDays(20));
        var schema = await app.SchemaAsync();
        // Governance of the 93's schéma: an instance, its meeting of today with a decision, a follow-up action and a document.
        var body = await Features.Governance.GovernanceTestData.BodyAsync(app);
        var meetingDay = Features.Governance.GovernanceTestData.Today(app);
        var (followUpAction, governanceDocument) = await app.WithDbAsync(async db =>
        {
            var held = await db.GovernanceMeetings.Include(m => m.Decisions).FirstAsync(m => m.Id == body.Today.Id);
            var decision = held.Decide("Décision de la victime", meetingDay, app.Clock.GetUtcNow(), "victime").Value;
            var action = Domain.Governance.DecisionFollowUp.Create("93", body.Id, held.Id, decision, null, body.A.Id, meetingDay, meetingDay, null, app.Clock.GetUtcNow()).Value;
            var file = new Domain.Governance.MeetingDocument
            {
                MeetingId = held.Id, Title = "Support de la victime", FileName = "support.pdf", ContentType = "application/pdf", Size = 8,
                Content = "%PDF-1.4"u8.ToArray(), UploadedAt = app.Clock.GetUtcNow(), UploadedBy = "victime",
            };
            db.DecisionFollowUps.Add(action);
            db.GovernanceDocuments.Add(file);
            await db.SaveChangesAsync();
            return (action.Id, file.Id);
        });

        // Occasional care: a crèche's slot, a family's child and its booking.
        var creche = await OccasionalTestData.CrecheAsync(app, Commune);
        using var director = await OccasionalTestData.DirectorAsync(app, creche);
        var slot = await OccasionalTestData.PublishAsync(app, director, creche, OccasionalTestData.Wednesday);
        var (occasionalFamily, _, _, child) = await OccasionalTestData.FamilyAsync(app, commune: Commune);
        using var booked = await OccasionalTestData.BookAsync(occasionalFamily, slot, child);
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var booking = OccasionalTestData.IdFrom(booked);

        // A childminder of Montreuil with a place, a family's contact request, and another childminder's pending self-registration.
        var childminder = ChildminderTestData.Childminder(ChildminderTestData.UniqueName("AM victime"));
        childminder.CommuneCode = Commune;
        childminder.PostalCode = "93100";
        childminder.Vacancies.Add(new Vacancy
        {
            Places = 1, From = new DateOnly(2026, 11, 23), MinAgeMonths = 6, MaxAgeMonths = 30,
            Days = WeekDays.Monday | WeekDays.Tuesday, DeclaredAt = BerceauApp.Now.AddDays(-1), DeclaredBy = "test",
        });
        await app.SaveAsync(childminder);
        var (contactFamily, _, _) = await Accounts.SignInAsNewFamilyAsync(app);
        using var contact = await Forms.PostFormAsync(contactFamily, $"/assistants-maternels/{childminder.Id}/contact",
            ("Input.ChildAgeMonths", "10"), ("Input.Days", "Monday"), ("Input.StartOn", "2027-01-04"), ("Input.Message", "Bonjour, nous cherchons un accueil."));
        Assert.True(contact.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", await Forms.ErrorSummaryAsync(contact)));
        var contactId = Guid.Parse(contact.Headers.Location!.OriginalString.Split('/')[^1]);
        var number = $"AG-{Guid.NewGuid():N}"[..14];
        using (var registered = await Forms.PostFormAsync(app.Client(), "/am/inscription",
            ("Input.Name", "Fatou Camara"), ("Input.Email", $"self.{Guid.NewGuid():N}@test.berceau.fr"), ("Input.Password", Accounts.Password),
            ("Input.ConfirmPassword", Accounts.Password), ("Input.CommuneCode", Commune), ("Input.AgrementNumber", number), ("Input.AcceptsNotice", "true")))
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var registration = await app.WithDbAsync(db => db.ChildminderRegistrations.Where(r => r.AgrementNumber == number.ToLowerInvariant() || r.AgrementNumber == number).Select(r => r.Id).SingleAsync());

        // Issue 10's staff records of Montreuil: an accompaniment of a crèche, an entry of each directory.
        var now = app.Clock.GetUtcNow();
        var accompaniment = Domain.Difficulty.AccompanimentCase.Open(scene.A.Id, Commune, Domain.Difficulty.AccompanimentOrigin.StructureRequest, [],
            "Demande d’accompagnement de la crèche", today, now, "victime").Value;
        var resource = Domain.Resources.DisabilityResource.Create(new Domain.Resources.DisabilityResourceValues("Pôle ressources handicap de la victime",
            Domain.Resources.DisabilityResourceLabels.Kinds[0], Commune, null, null, "pole@exemple.fr", null, "Accompagne les familles."), now, "victime").Value;
        var training = Domain.Careers.TrainingOffer.Create(new Domain.Careers.TrainingValues("Lycée de la victime", Domain.Careers.TrainingLabels.Diplomas[0],
            Domain.Careers.TrainingLabels.Routes[0], Commune, "1 rue de l’École", 48.86, 2.44, null, "ecole@exemple.fr", null, null, []), now, "victime").Value;
        // Issue 9's good practice submitted in the 93, waiting for its secretariat.
        var practice = Domain.Practices.GoodPractice.Submit(new Domain.Practices.PracticeContent("Bonne pratique de la victime", Domain.Practices.PracticeTheme.Information,
            Domain.Practices.PracticeFormat.Transverse, null, new Dictionary<string, string?> { ["defis"] = "Informer les familles.", ["initiatives"] = "Un forum\nLe forum des familles." }),
            "Proposée par la victime", "93", now, "victime").Value;
        // Issue 9's satisfaction survey of Montreuil, open, with one question.
        var survey = Domain.Surveys.Survey.Create(new Domain.Surveys.SurveyDetails("Questionnaire de la victime", null, Domain.Surveys.SurveyAudience.Families,
            today, today.AddDays(30)), "93", Commune, today, now, "victime").Value;
        Assert.True(survey.AddQuestion(new Domain.Surveys.QuestionDraft(Domain.Surveys.QuestionKind.YesNo, "Satisfait ?", null, true), 0).IsSuccess);
        Assert.True(survey.Open(today, now).IsSuccess);
        await app.WithDbAsync(async db =>
        {
            db.GoodPractices.Add(practice);
            db.Surveys.Add(survey);
            db.AccompanimentCases.Add(accompaniment);
            db.DisabilityResources.Add(resource);
            db.TrainingOffers.Add(training);
            return await db.SaveChangesAsync();
        });

        var s = scene.Session;
        var a = scene.A.Id;
        var sheet = schema.Piloted.Id;
        var urls = new Dictionary<string, string>
        {
            // Families' own pages (another family's application, contact, child, booking).
            ["famille/demandes/{id:guid}"] = $"/famille/demandes/{filed.Id}",
            ["famille/demandes/{id:guid}/modifier"] = $"/famille/demandes/{filed.Id}/modifier",
            ["famille/demandes/{id:guid}/pieces"] = $"/famille/demandes/{filed.Id}/pieces",
            ["famille/demandes/{id:guid}/pieces/{documentId:guid}"] = $"/famille/demandes/{filed.Id}/pieces/{document}",
            ["famille/demandes/{id:guid}/retirer"] = $"/famille/demandes/{filed.Id}/retirer",
            ["famille/demandes/{id:guid}/voeux"] = $"/famille/demandes/{filed.Id}/voeux",
            ["famille/demandes/{id:guid}/effacement"] = $"/famille/demandes/{filed.Id}/effacement",
            ["famille/demandes/{id:guid}/decision"] = $"/famille/demandes/{offered}/decision",
            ["famille/demandes/{id:guid}/decision/courrier"] = $"/famille/demandes/{offered}/decision/courrier",
            ["famille/contacts/{id:guid}"] = $"/famille/contacts/{contactId}",
            ["famille/accueil-occasionnel/enfants/{id:guid}/alertes"] = $"/famille/accueil-occasionnel/enfants/{child}/alertes",
            ["famille/accueil-occasionnel/reservations/{id:guid}"] = $"/famille/accueil-occasionnel/reservations/{booking}",
            // The slot is public (any family may book it), the child is not: booking it for another family's child.
            ["famille/accueil-occasionnel/creneaux/{id:guid}/reserver"] = OccasionalTestData.BookUrl(slot, child),
            // Childminders' own pages (another childminder's agrément and requests).
            ["am/demandes/{id:guid}"] = $"/am/demandes/{contactId}",
            ["am/disponibilites/{id:guid?}"] = $"/am/disponibilites/{childminder.Id}",
            ["am/profil/{id:guid?}"] = $"/am/profil/{childminder.Id}",
            // Staff pages of Montreuil's records.
            ["pro/demandes/{id:guid}"] = $"/pro/demandes/{filed.Id}",
            ["pro/demandes/{id:guid}/code-famille"] = $"/pro/demandes/{filed.Id}/code-famille",
            ["pro/demandes/{id:guid}/grille"] = $"/pro/demandes/{filed.Id}/grille",
            ["pro/demandes/{id:guid}/minimum-social"] = $"/pro/demandes/{filed.Id}/minimum-social",
            ["pro/demandes/{id:guid}/pieces/{documentId:guid}"] = $"/pro/demandes/{filed.Id}/pieces/{document}",
            ["pro/demandes/{id:guid}/statut"] = $"/pro/demandes/{filed.Id}/statut",
            ["pro/effacements/{id:guid}"] = $"/pro/effacements/{erasureId}",
            ["pro/guichet/{commune}"] = $"/pro/guichet/{Commune}",
            ["pro/grilles/{commune}"] = $"/pro/grilles/{Commune}",
            ["pro/commissions/{id:guid}"] = $"/pro/commissions/{s}",
            ["pro/commissions/{id:guid}/annuler"] = $"/pro/commissions/{s}/annuler",
            ["pro/commissions/{id:guid}/courriers/{applicationId:guid}"] = $"/pro/commissions/{s}/courriers/{offered}",
            ["pro/commissions/{id:guid}/ecarts"] = $"/pro/commissions/{s}/ecarts?de=1&a=1",
            ["pro/commissions/{id:guid}/membres"] = $"/pro/commissions/{s}/membres",
            ["pro/commissions/{id:guid}/places"] = $"/pro/commissions/{s}/places",
            ["pro/commissions/{id:guid}/presences"] = $"/pro/commissions/{s}/presences",
            ["pro/commissions/{id:guid}/proces-verbal"] = $"/pro/commissions/{s}/proces-verbal",
            ["pro/commissions/{id:guid}/propositions"] = $"/pro/commissions/{s}/propositions",
            ["pro/commissions/{id:guid}/propositions/{offerId:guid}/retirer"] = $"/pro/commissions/{s}/propositions/{offer.Id}/retirer",
            ["pro/commissions/{id:guid}/publication"] = $"/pro/commissions/{s}/publication",
            ["pro/suivi/{id:guid}"] = $"/pro/suivi/{followUp}",
            ["pro/suivi/{id:guid}/courrier"] = $"/pro/suivi/{followUp}/courrier",
            ["pro/suivi/{id:guid}/courriers/{letterId:guid}"] = $"/pro/suivi/{followUp}/courriers/{letter}",
            ["pro/structures/{id:guid}"] = $"/pro/structures/{a}",
            ["pro/structures/{id:guid}/fermer"] = $"/pro/structures/{a}/fermer",
            ["pro/structures/{id:guid}/modifier"] = $"/pro/structures/{a}/modifier",
            ["pro/structures/{id:guid}/personnel"] = $"/pro/structures/{a}/personnel",
            ["pro/structures/{id:guid}/personnel/gel"] = $"/pro/structures/{a}/personnel/gel",
            ["pro/structures/{id:guid}/personnel/gel/{freezeId:guid}/fin"] = $"/pro/structures/{a}/personnel/gel/{freeze.Id}/fin",
            ["pro/structures/{id:guid}/personnel/modifier"] = $"/pro/structures/{a}/personnel/modifier",
            ["pro/structures/{id:guid}/places-disponibles"] = $"/pro/structures/{a}/places-disponibles",
            ["pro/secteurs/{id:guid}/modifier"] = $"/pro/secteurs/{sector.Id}/modifier",
            ["pro/secteurs/{id:guid}/supprimer"] = $"/pro/secteurs/{sector.Id}/supprimer",
            ["pro/reunions/{id:guid}"] = $"/pro/reunions/{meeting.Id}",
            ["pro/reunions/{id:guid}/annuler"] = $"/pro/reunions/{meeting.Id}/annuler",
            ["pro/reunions/{id:guid}/export"] = $"/pro/reunions/{meeting.Id}/export",
            ["pro/reunions/{id:guid}/modifier"] = $"/pro/reunions/{meeting.Id}/modifier",
            ["pro/emplois/{id:guid}"] = $"/pro/emplois/{job.Id}",
            ["pro/accueil-occasionnel/dossiers/{id:guid}"] = $"/pro/accueil-occasionnel/dossiers/{child}",
            ["pro/accueil-occasionnel/reglages/{commune}"] = $"/pro/accueil-occasionnel/reglages/{Commune}",
            ["pro/accueil-occasionnel/reservations/{id:guid}/annuler"] = $"/pro/accueil-occasionnel/reservations/{booking}/annuler",
            ["pro/accueil-occasionnel/structures/{id:guid}"] = $"/pro/accueil-occasionnel/structures/{creche.Id}",
            ["pro/accueil-occasionnel/structures/{id:guid}/jour"] = $"/pro/accueil-occasionnel/structures/{creche.Id}/jour?date=2026-11-25",
            ["pro/accueil-occasionnel/structures/{id:guid}/publier"] = $"/pro/accueil-occasionnel/structures/{creche.Id}/publier",
            ["pro/assistants-maternels/inscriptions/{id:guid}"] = $"/pro/assistants-maternels/inscriptions/{registration}",
            ["pro/assistants-maternels/{id:guid}/inviter"] = $"/pro/assistants-maternels/{childminder.Id}/inviter",
            ["pro/accompagnements/{id:guid}"] = $"/pro/accompagnements/{accompaniment.Id.Value}",
            ["pro/structures-en-difficulte/{id:guid}"] = $"/pro/structures-en-difficulte/{a}",
            ["pro/handicap/fiche/{id:guid?}"] = $"/pro/handicap/fiche/{resource.Id}",
            ["pro/formations/fiche/{id:guid?}"] = $"/pro/formations/fiche/{training.Id}",
            ["pro/schema/{id:guid}"] = $"/pro/schema/{schema.Schema.Id}",
            ["pro/schema/{id:guid}/modifier"] = $"/pro/schema/{schema.Schema.Id}/modifier",
            ["pro/schema/{id:guid}/avancement/{format?}"] = $"/pro/schema/{schema.Schema.Id}/avancement",
            ["pro/schema/{id:guid}/rapport-annuel/{format?}"] = $"/pro/schema/{schema.Schema.Id}/rapport-annuel",
            ["pro/schema/{id:guid}/axes/{axis}"] = $"/pro/schema/{schema.Schema.Id}/axes/{schema.Piloted.AxisId}",
            ["pro/schema/{id:guid}/fiches/nouvelle"] = $"/pro/schema/{schema.Schema.Id}/fiches/nouvelle",
            ["pro/schema/fiches/{id:guid}"] = $"/pro/schema/fiches/{sheet}",
            ["pro/schema/fiches/{id:guid}/modifier"] = $"/pro/schema/fiches/{sheet}/modifier",
            ["pro/obligations/{commune:length(5)}"] = $"/pro/obligations/{Commune}",
            ["pro/obligations/{commune:length(5)}/{obligation}"] = $"/pro/obligations/{Commune}/recensement",
            ["pro/bonnes-pratiques/{id:guid}"] = $"/pro/bonnes-pratiques/{practice.Id}",
            ["pro/bonnes-pratiques/{id:guid}/modifier"] = $"/pro/bonnes-pratiques/{practice.Id}/modifier",
            ["pro/schema/instances/edition/{id:guid?}"] = $"/pro/schema/instances/edition/{body.Id}",
            ["pro/schema/instances/{id:guid}"] = $"/pro/schema/instances/{body.Id}",
            ["pro/schema/instances/{id:guid}/reunions/nouvelle"] = $"/pro/schema/instances/{body.Id}/reunions/nouvelle",
            ["pro/schema/reunions/{id:guid}"] = $"/pro/schema/reunions/{body.Today.Id}",
            ["pro/schema/reunions/{id:guid}/modifier"] = $"/pro/schema/reunions/{body.Today.Id}/modifier",
            ["pro/schema/reunions/{id:guid}/compte-rendu"] = $"/pro/schema/reunions/{body.Today.Id}/compte-rendu",
            ["pro/schema/reunions/{id:guid}/decisions/nouvelle"] = $"/pro/schema/reunions/{body.Today.Id}/decisions/nouvelle",
            ["pro/schema/reunions/{id:guid}/documents/{document:guid}"] = $"/pro/schema/reunions/{body.Today.Id}/documents/{governanceDocument}",
            ["pro/schema/suivi/{id:guid}"] = $"/pro/schema/suivi/{followUpAction}",
            ["pro/enquetes/{id:guid}"] = $"/pro/enquetes/{survey.Id}",
            ["pro/enquetes/{id:guid}/invitations"] = $"/pro/enquetes/{survey.Id}/invitations",
            ["pro/enquetes/{id:guid}/resultats"] = $"/pro/enquetes/{survey.Id}/resultats",
            ["admin/utilisateurs/{id}"] = $"/admin/utilisateurs/{filed.FamilyUserId}",
            // The API, signed in with the same cookie.
            ["api/v1/demandes/{id:guid}"] = $"/api/v1/demandes/{filed.Id}",
            ["api/v1/propositions/{id:guid}/reponse"] = $"/api/v1/propositions/{offer.Id}/reponse",
        };
        var offeredFamily = new[] { scene.High, scene.Middle, scene.Low, scene.Last }.Single(f => f.Id == offered).Client;
        var (childminderClient, _) = await app.SignedInChildminderAsync(childminder.Id);
        var owners = urls.Keys.ToDictionary(t => t, t => t switch
        {
            // The decisions of a governance meeting are the secretariat's, not an offer's decision.
            _ when t.StartsWith("pro/schema/", StringComparison.Ordinal) => owner,
            _ when t.Contains("/decision", StringComparison.Ordinal) => offeredFamily,
            _ when t.StartsWith("famille/demandes/", StringComparison.Ordinal) || t.StartsWith("api/v1/demandes/", StringComparison.Ordinal) => filed.Family,
            _ when t.StartsWith("famille/contacts/", StringComparison.Ordinal) => contactFamily,
            _ when t.StartsWith("famille/accueil-occasionnel/", StringComparison.Ordinal) => occasionalFamily,
            _ when t.StartsWith("am/", StringComparison.Ordinal) => childminderClient,
            _ => owner,
        });
        return new VictimWorld { Urls = urls, Owners = owners, Filed = filed, FollowUpCase = followUp, OccasionalChild = child, OccasionalCreche = creche };
    }
}
