using System.Net;
using System.Security.Cryptography;
using System.Text;
using Berceau.Domain.Access;
using Berceau.Domain.Commission;
using Berceau.Domain.FollowUp;
using Berceau.Web.Features.Commission;
using Berceau.Web.Features.FollowUp;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using static Berceau.Web.Tests.Features.Commission.CommissionTestData;

namespace Berceau.Web.Tests.Features.Commission;

/// <summary>The procès-verbal of a validated session, and the follow-up cases its validation opens (Gagny, <see cref="GagnyScene"/>).</summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public class MinutesTests(BerceauApp app)
{
    /// <summary>The page's words as a reader gets them: no tags, entities decoded, one space between words.</summary>
    internal static string Text(string html) => System.Text.RegularExpressions.Regex.Replace(
        WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", " ")).Replace('\u00a0', ' '), @"\s+", " ");

    private static string Squash(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", "");

    /// <summary>Gives the account a name of its own (test accounts of one role share theirs); returns it.</summary>
    private Task<string> NameAsync(string email, string name) => app.WithDbAsync(async db =>
    {
        var user = await db.Users.SingleAsync(u => u.Email == email);
        user.DisplayName = $"{name} {Guid.NewGuid():N}"[..(name.Length + 9)];
        await db.SaveChangesAsync();
        return user.DisplayName;
    });

    private Task<List<FollowUpCase>> CasesAsync(GagnyScene scene) =>
        app.WithDbAsync(db => db.FollowUpCases.Where(c => c.SessionId == new CommissionSessionId(scene.Session)).ToListAsync());

    [Fact]
    public async Task Validation_OpensOneFollowUpCase_PerApplicationLeftWithoutAPlace_AndNeverASecond()
    {
        var scene = await GagnyScene.ValidatedAsync(app);

        var opened = Assert.Single(await CasesAsync(scene));
        Assert.Equal(scene.Middle.Id, opened.ApplicationId);
        Assert.Equal((FollowUpOrigin.Commission, FollowUpStatus.Open, GagnyScene.Commune), (opened.Origin, opened.Status, opened.CommuneCode));

        // Validating again is refused, replaying opens nothing, and handing the session over again finds the case already open.
        var again = await PostReviewAsync(scene.President, scene.Session, "Validate");
        Assert.Contains("La commission est « Validée » : elle ne peut pas passer à « Validée ».", await Forms.ErrorSummaryAsync(again));
        Assert.Equal(HttpStatusCode.Redirect, (await PostReviewAsync(scene.Member, scene.Session, "Replay", ("number", "1"))).StatusCode);
        var reopened = await app.WithDbAsync(async db =>
        {
            var session = await db.CommissionSessions.SingleAsync(s => s.Id == new CommissionSessionId(scene.Session));
            var count = await new FollowUpCases(db).OpenForUnplacedAsync(session, [scene.Middle.Id], BerceauApp.Now, "test", default);
            await db.SaveChangesAsync();
            return count;
        });
        Assert.Equal(0, reopened);
        Assert.Single(await CasesAsync(scene));
        // Even a case slipping past that check (two agents at once) is refused by the database: one open case per application.
        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(db =>
        {
            db.FollowUpCases.Add(FollowUpCase.ByAgent(scene.Middle.Id, GagnyScene.Commune, BerceauApp.Now, "test"));
            return db.SaveChangesAsync();
        }));
        Assert.Contains(await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == scene.Session.ToString()).Select(e => e.Details).ToListAsync()),
            d => d == "1 dossiers de suivi ouverts pour 1 demandes sans place");
    }

    [Fact]
    public async Task TheStaffApplicationPage_SaysAFollowUpCaseIsOpen_OnlyForTheFamilyLeftWithoutAPlace()
    {
        var scene = await GagnyScene.ValidatedAsync(app);

        var middle = Text(await Forms.TextAsync(await scene.Agent.GetAsync($"/pro/demandes/{scene.Middle.Id}")));
        var high = Text(await Forms.TextAsync(await scene.Agent.GetAsync($"/pro/demandes/{scene.High.Id}")));

        Assert.Contains("Dossier de suivi ouvert", middle);
        Assert.Contains("après la commission « Commission d’hiver », qui n’a pas attribué de place à cette famille", middle);
        Assert.DoesNotContain("Dossier de suivi ouvert", high);
    }

    [Fact]
    public async Task TheMinutes_ListMembersAndAttendance_TheFigures_EveryDecisionWithItsReasonAndAuthor_AndTheHashes()
    {
        var scene = await GagnyScene.ValidatedAsync(app, force: true);
        var presidentName = await NameAsync(scene.PresidentEmail, "Mme la maire");
        var memberName = await NameAsync(scene.MemberEmail, "M. le directeur");
        var presidentId = await Accounts.UserIdAsync(app, scene.PresidentEmail);
        var attended = await Forms.PostFormAsync(scene.President, scene.Url("/presences"), ("Present", presidentId));
        Assert.Equal(HttpStatusCode.Redirect, attended.StatusCode);
        var run = await app.WithDbAsync(async db =>
        {
            var session = await db.CommissionSessions.SingleAsync(s => s.Id == new CommissionSessionId(scene.Session));
            return await db.CommissionRuns.SingleAsync(r => r.Id == session.ValidatedRunId);
        });
        var resultHash = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(run.ResultJson)));

        var page = Text(await Forms.TextAsync(await scene.Agent.GetAsync(scene.Url("/proces-verbal"))));

        Assert.Contains("Procès-verbal – Commission d’hiver", page);
        Assert.Contains("Gagny", page);
        Assert.Contains($"{presidentName} Président·e Présent·e", page);
        Assert.Contains($"{memberName} Membre Absent·e", page);
        Assert.Contains("Demandes examinées 3", page);
        Assert.Contains("Demandes placées 2 (66,7 %), dont 1 placées d’office", page);
        Assert.Contains("Demandes sans place 1", page);
        Assert.Contains($"{scene.A.Name} – Bébés 1 1 1", page);
        Assert.Contains($"Demande {scene.Middle.Reference} : placement d’office à {scene.A.Name} – Bébés", page);
        Assert.Contains($"par {memberName}. Motif : « {GagnyScene.Urgency} ». Appliquée au calcul validé.", page);
        Assert.Contains(run.InstanceHash, page);
        Assert.Contains(run.EngineVersion, page);
        Assert.Contains(resultHash, page);
        Assert.Contains("n° 2", page);

        using var pdfResponse = await scene.Agent.GetAsync(scene.Url("/proces-verbal?handler=Pdf"));
        Assert.Equal("application/pdf", pdfResponse.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await pdfResponse.Content.ReadAsByteArrayAsync());
        // Long lines wrap in the PDF: compared without spaces.
        var text = Squash(string.Join("", pdf.GetPages().Select(p => p.Text)));
        Assert.Contains(Squash("Procès-verbal de la commission d’attribution"), text);
        Assert.Contains(Squash(GagnyScene.Urgency), text);
        Assert.Contains(Squash($"{presidentName} (Président·e) : Présent·e"), text);
        Assert.Contains(Squash(run.InstanceHash), text);
        Assert.Contains(await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == scene.Session.ToString()).Select(e => e.Action).ToListAsync()),
            a => a == CommissionAudit.MinutesPrinted);
    }

    [Fact]
    public async Task TheMinutes_AreForTheStaffOfTheTerritory_AndWaitForTheValidation()
    {
        var scene = await GagnyScene.FrozenAsync(app);
        var before = Text(await Forms.TextAsync(await scene.President.GetAsync(scene.Url("/proces-verbal"))));
        Assert.Contains("le procès-verbal sera disponible quand la présidente ou le président aura validé la proposition", before);
        Assert.Equal(HttpStatusCode.NotFound, (await scene.President.GetAsync(scene.Url("/proces-verbal?handler=Pdf"))).StatusCode);
        await scene.PostAsync("Validate");
        var (admin, _) = await app.StaffAsync(Roles.Admin, GagnyScene.Commune);
        var (otherAgent, _) = await app.StaffAsync(Roles.Agent, OtherCommune);
        var (otherAdmin, _) = await app.StaffAsync(Roles.Admin, OtherCommune);
        var (director, _) = await app.StaffAsync(Roles.Director, commune: null, facility: Guid.NewGuid());
        var (family, _, _) = await Accounts.SignInAsNewFamilyAsync(app);

        foreach (var allowed in new[] { scene.Agent, scene.President, scene.Member, admin })
        {
            Assert.Equal(HttpStatusCode.OK, (await allowed.GetAsync(scene.Url("/proces-verbal"))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await allowed.GetAsync(scene.Url("/proces-verbal?handler=Pdf"))).StatusCode);
        }
        foreach (var refused in new[] { otherAgent, otherAdmin, director, family })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await refused.GetAsync(scene.Url("/proces-verbal"))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await refused.GetAsync(scene.Url("/proces-verbal?handler=Pdf"))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await app.Client().GetAsync(scene.Url("/proces-verbal"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await scene.Agent.GetAsync($"/pro/commissions/{Guid.NewGuid()}/proces-verbal")).StatusCode);
    }
}
