using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.FollowUp;
using Berceau.Domain.Offer;
using Berceau.Web.Features.FollowUp;
using Berceau.Web.Features.FollowUp.Solutions;
using Berceau.Web.Tests.Features.Offer;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using static Berceau.Web.Tests.Features.FollowUp.FollowUpTestData;

namespace Berceau.Web.Tests.Features.FollowUp;

/// <summary>
/// The « solutions » letter of a case: the childminders whose declared places fit the need (age, days, date) and no other, the
/// MAM and the relais of the commune, the CMG estimate; as a page, a PDF and an e-mail that the case's log records.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class SolutionsLetterTests(BerceauApp app)
{
    private static Facility Childminder(string name, string commune = Villetaneuse, int min = 6, int max = 30, WeekDays days = NeedDays,
        DateOnly? from = null, int declaredDaysAgo = 3)
    {
        var facility = new Facility
        {
            Name = name, Mode = CareMode.AssistantMaternel, ManagerType = ManagerType.Independent, CommuneCode = commune,
            Street = "8 rue des Lilas", PostalCode = commune == Villetaneuse ? VilletaneusePostalCode : "93330", Latitude = 48.957, Longitude = 2.345,
            Phone = "01 99 88 77 66", OpeningDays = WeekDays.Weekdays | WeekDays.Sunday,
            Agrement = new Agrement(4, 0, 36, new DateOnly(2029, 1, 1), $"AG-{Guid.NewGuid():N}"[..12]),
        };
        facility.Vacancies.Add(new Vacancy
        {
            Places = 1, From = from ?? new DateOnly(2026, 12, 1), MinAgeMonths = min, MaxAgeMonths = max, Days = days,
            DeclaredAt = BerceauApp.Now.AddDays(-declaredDaysAgo), DeclaredBy = "test",
        });
        return facility;
    }

    private async Task<(Guid Case, HttpClient Agent)> CaseAsync(string? familyUserId, Need? need = null) =>
        (await app.CaseAsync(await app.ApplicationAsync(familyUserId, need)), await app.SignedInAsync(Roles.Agent, commune: Villetaneuse));

    [Fact]
    public async Task Letter_ListsTheChildmindersWhosePlacesFit_AndNoneOfTheOthers_WithTheMamTheRelaisAndTheCmg()
    {
        var fits = await app.SaveAsync(Childminder(UniqueName("AM qui convient")));
        var tooOld = await app.SaveAsync(Childminder(UniqueName("AM grands"), min: 24, max: 36));
        var mondays = await app.SaveAsync(Childminder(UniqueName("AM lundi"), days: WeekDays.Monday));
        var later = await app.SaveAsync(Childminder(UniqueName("AM plus tard"), from: new DateOnly(2027, 6, 1)));
        var stale = await app.SaveAsync(Childminder(UniqueName("AM périmée"), declaredDaysAgo: 70));
        var far = await app.SaveAsync(Childminder(UniqueName("AM lointaine"), commune: Neuilly));
        var mam = Childminder(UniqueName("MAM Les Lucioles"));
        mam.Mode = CareMode.Mam;
        await app.SaveAsync(mam);
        var relais = await app.SaveAsync(new Facility
        {
            Name = UniqueName("Relais de l’Université"), Mode = CareMode.Rpe, ManagerType = ManagerType.Municipal, CommuneCode = Villetaneuse,
            Street = "1 place de la Mairie", PostalCode = VilletaneusePostalCode, Phone = "01 23 45 67 89", Email = "relais@villetaneuse.test",
        });
        var (id, agent) = await CaseAsync(null);

        var page = await Forms.TextAsync(await agent.GetAsync(FollowUpFeature.LetterPath(id)));
        using var pdfResponse = await agent.GetAsync(FollowUpFeature.LetterPath(id) + "?handler=Pdf");

        Assert.Contains(fits.Name, page);
        Assert.Contains($"/assistants-maternels/{fits.Id}/contact", page);
        Assert.Contains("rue des Lilas, 93430 Villetaneuse", page);
        Assert.DoesNotContain("8 rue des Lilas", page);
        Assert.DoesNotContain("01 99 88 77 66", page);
        Assert.All([tooOld, mondays, later, stale, far], f => Assert.DoesNotContain(f.Name, page));
        Assert.Contains(mam.Name, page);
        Assert.Contains(relais.Name, page);
        Assert.Contains("01 23 45 67 89", page);
        Assert.Contains("Ce que coûterait un assistant maternel", page);
        Assert.Contains("Reste à votre charge : environ", page);
        Assert.True(page.IndexOf("Des assistants maternels qui ont une place", StringComparison.Ordinal) < page.IndexOf(CmgSource.Heading, StringComparison.Ordinal));
        Assert.Equal("application/pdf", pdfResponse.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await pdfResponse.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("Des assistants maternels qui ont une place", text);
        Assert.Contains("Université", text);  // accents drawn, not « ? »
        Assert.Contains(fits.Name.Split(' ')[^1], text);
        Assert.DoesNotContain(tooOld.Name.Split(' ')[^1], text);
        Assert.Equal([FollowUpAudit.LetterRead, FollowUpAudit.LetterRead], (await app.CaseAuditAsync(id)).Select(a => a.Action));
    }

    [Fact]
    public async Task Letter_WhenTheResourcesAreUnknown_SaysSoPlainly_InsteadOfAnEstimate()
    {
        var (id, agent) = await CaseAsync(null, Usual with { Resources = null });

        var page = await Forms.TextAsync(await agent.GetAsync(FollowUpFeature.LetterPath(id)));

        Assert.Contains("Le guichet ne connaît pas vos ressources", page);
        Assert.DoesNotContain("Reste à votre charge", page);
    }

    [Fact]
    public async Task Send_QueuesTheEmail_NotifiesTheFamily_AndLogsTheProposal_Once()
    {
        var fits = await app.SaveAsync(Childminder(UniqueName("AM envoyée")));
        var (family, email, userId) = await Accounts.SignInAsNewFamilyAsync(app);
        family.Dispose();
        var (id, agent) = await CaseAsync(userId);
        await app.WithDbAsync(async db =>
        {
            var c = await db.FollowUpCases.SingleAsync(x => x.Id == new FollowUpCaseId(id));
            c.Plan(FollowUpStep.SendProposal, Today, Today);
            return await db.SaveChangesAsync();
        });

        using var sent = await Forms.PostFormAsync(agent, FollowUpFeature.LetterPath(id), ("Send.Version", "1"));
        using var again = await Forms.PostFormAsync(agent, FollowUpFeature.LetterPath(id), ("Send.Version", "1"));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("modifié par quelqu’un d’autre", Assert.Single(await Forms.ErrorSummaryAsync(again)));
        var mail = await Mail.SingleReceivedAsync(app, email);
        Assert.Contains("Des assistants maternels qui ont une place", mail);
        Assert.Contains(fits.Name, mail);
        Assert.Contains($"/assistants-maternels/{fits.Id}/contact", Mail.LinkTo(mail, "/assistants-maternels/"));
        var notification = await app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.UserId == userId && n.Kind == FollowUpActions.NotificationKind));
        Assert.Contains(fits.Name, notification.Body);
        var stored = await app.StoredCaseAsync(id);
        Assert.Equal(FollowUpActionKind.ProposalSent, Assert.Single(stored.Actions).Kind);
        Assert.Null(stored.NextStep);  // the planned sending is done
        Assert.Contains(FollowUpAudit.LetterSent, (await app.CaseAuditAsync(id)).Select(a => a.Action));
    }

    [Fact]
    public async Task Send_ToAFamilyWithoutAccount_IsRefused_AndNothingIsLoggedOrQueued()
    {
        var (id, agent) = await CaseAsync(null);
        var queued = await app.WithDbAsync(db => db.OutboxMessages.CountAsync());

        using var response = await Forms.PostFormAsync(agent, FollowUpFeature.LetterPath(id), ("Send.Version", "0"));

        Assert.Equal("La famille n’a pas de compte avec une adresse e-mail : imprimez le courrier et remettez-le lui.",
            Assert.Single(await Forms.ErrorSummaryAsync(response)));
        Assert.Empty((await app.StoredCaseAsync(id)).Actions);
        Assert.Equal(queued, await app.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }
}
