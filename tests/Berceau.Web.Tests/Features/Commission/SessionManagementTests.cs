using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Applications;
using Berceau.Domain.Commission;
using Berceau.Web.Features.Commission;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Commission.CommissionTestData;

namespace Berceau.Web.Tests.Features.Commission;

/// <summary>The session list, the members page, calling a session off and the attendance (Gagny, <see cref="GagnyScene"/>).</summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public class SessionManagementTests(BerceauApp app)
{
    private Task<CommissionSession> SessionAsync(GagnyScene scene) =>
        app.WithDbAsync(db => db.CommissionSessions.AsNoTracking().SingleAsync(s => s.Id == new CommissionSessionId(scene.Session)));

    private Task<List<string>> AuditAsync(GagnyScene scene) =>
        app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == scene.Session.ToString()).Select(e => e.Action).ToListAsync());

    private static async Task<string> PageAsync(HttpClient client, string url) => MinutesTests.Text(await Forms.TextAsync(await client.GetAsync(url)));

    [Fact]
    public async Task TheSessionList_NamesTheCommune()
    {
        var scene = await GagnyScene.PreparedAsync(app);

        var list = await Forms.TextAsync(await scene.Agent.GetAsync("/pro/commissions"));

        Assert.Contains("<td class=\"govuk-table__cell\">Gagny</td>", list);
        Assert.DoesNotContain($">{GagnyScene.Commune}<", list);
        // The guichet reaches the session's pages it may use from the list (it does not sit in the session).
        Assert.Contains($"href=\"{scene.Url("/membres")}\"", list);
        Assert.Contains($"href=\"{scene.Url("/annuler")}\"", list);
    }

    [Fact]
    public async Task Members_AreChangedWhileInPreparation_WithExactlyOnePresident_AndTheChangeIsAudited()
    {
        var scene = await GagnyScene.PreparedAsync(app);
        var (_, newcomerEmail) = await app.StaffAsync(Roles.Committee, GagnyScene.Commune);
        var form = await Forms.TextAsync(await scene.Agent.GetAsync(scene.Url("/membres")));
        Assert.Contains(scene.PresidentEmail, form);
        Assert.Contains(scene.MemberEmail, form);

        var noPresident = await Forms.PostFormAsync(scene.Agent, scene.Url("/membres"), ("Input.President", ""), ("Input.Members", scene.MemberEmail));
        Assert.Contains("La commission doit avoir une présidente ou un président, et un·e seul·e.", await Forms.ErrorSummaryAsync(noPresident));
        var unknown = await Forms.PostFormAsync(scene.Agent, scene.Url("/membres"), ("Input.President", scene.PresidentEmail), ("Input.Members", "inconnu@example.org"));
        Assert.Contains("Aucun compte professionnel ne correspond à l’adresse « inconnu@example.org ».", await Forms.ErrorSummaryAsync(unknown));
        Assert.Equal(2, (await SessionAsync(scene)).Members.Count);

        // The member becomes president, a newcomer joins, the former president leaves.
        var changed = await Forms.PostFormAsync(scene.Agent, scene.Url("/membres"), ("Input.President", scene.MemberEmail), ("Input.Members", newcomerEmail));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("Les membres de la commission sont enregistrés.", await Forms.TextAsync(await scene.Agent.GetAsync(changed.Headers.Location!.OriginalString)));
        var session = await SessionAsync(scene);
        Assert.Equal([(await Accounts.UserIdAsync(app, scene.MemberEmail), CommissionRole.President), (await Accounts.UserIdAsync(app, newcomerEmail), CommissionRole.Member)],
            session.Members.OrderBy(m => m.Role).Select(m => (m.UserId, m.Role)));
        Assert.Contains(CommissionAudit.MembersChanged, await AuditAsync(scene));
    }

    [Fact]
    public async Task Members_AreForTheGuichetOfTheCommune_AndFixedOnceFrozen()
    {
        var scene = await GagnyScene.PreparedAsync(app);
        var (otherAgent, _) = await app.StaffAsync(Roles.Agent, OtherCommune);

        Assert.Equal(HttpStatusCode.Forbidden, (await scene.President.GetAsync(scene.Url("/membres"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherAgent.GetAsync(scene.Url("/membres"))).StatusCode);
        var token = Forms.AntiforgeryToken(await (await otherAgent.GetAsync("/pro/commissions/nouvelle")).Content.ReadAsStringAsync())!;
        using var content = new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token), KeyValuePair.Create("Input.President", scene.MemberEmail)]);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherAgent.PostAsync(scene.Url("/membres"), content)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await scene.Agent.GetAsync($"/pro/commissions/{Guid.NewGuid()}/membres")).StatusCode);

        await scene.PostAsync("Freeze");
        var frozen = await Forms.PostFormAsync(scene.Agent, scene.Url("/membres"), ("Input.President", scene.MemberEmail), ("Input.Members", ""));
        Assert.Contains("La commission est « Demandes gelées » : ses membres ne peuvent plus changer.", await Forms.ErrorSummaryAsync(frozen));
        Assert.True((await SessionAsync(scene)).IsPresident(await Accounts.UserIdAsync(app, scene.PresidentEmail)));
    }

    [Fact]
    public async Task Cancel_InPreparation_NeedsAWrittenReason_ThenTheSessionSaysWhy()
    {
        var scene = await GagnyScene.PreparedAsync(app);

        var noReason = await Forms.PostFormAsync(scene.Agent, scene.Url("/annuler"), ("Input.Reason", "  "));
        Assert.Contains("Écrivez pourquoi la commission est annulée (au moins 10 caractères) : le motif est conservé au journal.", await Forms.ErrorSummaryAsync(noReason));
        Assert.Equal(CommissionStatus.Preparation, (await SessionAsync(scene)).Status);

        var cancelled = await Forms.PostFormAsync(scene.Agent, scene.Url("/annuler"), ("Input.Reason", "Réunion reportée, une nouvelle commission sera convoquée"));
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var session = await SessionAsync(scene);
        Assert.Equal(CommissionStatus.Cancelled, session.Status);
        Assert.Contains(CommissionAudit.Cancelled, await AuditAsync(scene));
        var details = await PageAsync(scene.President, scene.Url());
        Assert.Contains("Annulée", details);
        Assert.Contains("Motif : Réunion reportée, une nouvelle commission sera convoquée", details);
        Assert.Contains("elle ne peut plus être annulée", await PageAsync(scene.Agent, scene.Url("/annuler")));
    }

    [Fact]
    public async Task Cancel_WhenFrozen_PutsEachApplicationBackToItsStatusBeforeTheFreeze_AndTellsTheFamily()
    {
        var scene = await GagnyScene.PreparedAsync(app);
        // Low was on the waiting list of an earlier commission; High will be withdrawn by its family after the freeze.
        await app.WithDbAsync(async db =>
        {
            var low = await db.Applications.Include(a => a.StatusChanges).SingleAsync(a => a.Id == scene.Low.Id);
            // Distinct instants: the history is replayed in time order, and the freeze moves it at BerceauApp.Now.
            Assert.True(low.Move(ApplicationStatus.InCommittee, BerceauApp.Now.AddMinutes(-2), "agent").IsSuccess);
            Assert.True(low.Move(ApplicationStatus.Waitlisted, BerceauApp.Now.AddMinutes(-1), "agent").IsSuccess);
            return await db.SaveChangesAsync();
        });
        await scene.PostAsync("Freeze");
        await app.WithDbAsync(async db =>
        {
            var high = await db.Applications.Include(a => a.StatusChanges).SingleAsync(a => a.Id == scene.High.Id);
            Assert.True(high.Move(ApplicationStatus.Cancelled, BerceauApp.Now.AddSeconds(1), "famille", "Place trouvée ailleurs").IsSuccess);
            return await db.SaveChangesAsync();
        });

        var cancelled = await Forms.PostFormAsync(scene.Agent, scene.Url("/annuler"), ("Input.Reason", "Quorum non atteint, commission reconvoquée"));

        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var applications = await app.WithDbAsync(db => db.Applications.Include(a => a.StatusChanges)
            .Where(a => a.Id == scene.High.Id || a.Id == scene.Middle.Id || a.Id == scene.Low.Id).ToDictionaryAsync(a => a.Id));
        Assert.Equal(ApplicationStatus.Cancelled, applications[scene.High.Id].Status);
        Assert.Equal(ApplicationStatus.Complete, applications[scene.Middle.Id].Status);
        Assert.Equal(ApplicationStatus.Waitlisted, applications[scene.Low.Id].Status);
        Assert.Equal("La commission « Commission d’hiver » est annulée : Quorum non atteint, commission reconvoquée",
            applications[scene.Middle.Id].StatusChanges.Single(c => c.From == ApplicationStatus.InCommittee).Reason);
        Assert.Equal(CommissionStatus.Cancelled, (await SessionAsync(scene)).Status);
        Assert.Contains(await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == scene.Session.ToString()).Select(e => e.Details).ToListAsync()),
            d => d == "Quorum non atteint, commission reconvoquée (2 demandes remises à leur statut d’avant le gel)");
    }

    [Fact]
    public async Task Cancel_IsRefusedAfterTheValidation_AndToWhoDoesNotPrepareTheCommunesSessions()
    {
        var scene = await GagnyScene.ValidatedAsync(app);
        var (otherAgent, _) = await app.StaffAsync(Roles.Agent, OtherCommune);

        Assert.Equal(HttpStatusCode.Forbidden, (await otherAgent.GetAsync(scene.Url("/annuler"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await scene.President.GetAsync(scene.Url("/annuler"))).StatusCode);
        var refused = await Forms.PostFormAsync(scene.Agent, scene.Url("/annuler"), ("Input.Reason", "Annulation demandée trop tard"));
        Assert.Contains("La commission est « Validée » : elle ne peut pas passer à « Annulée ».", await Forms.ErrorSummaryAsync(refused));
        Assert.Equal(CommissionStatus.Validated, (await SessionAsync(scene)).Status);
    }

    [Fact]
    public async Task Attendance_IsRecordedByTheGuichetOrTheMembers_AndBadInputIsRefused()
    {
        var scene = await GagnyScene.PreparedAsync(app);
        var (otherAgent, _) = await app.StaffAsync(Roles.Agent, OtherCommune);
        var presidentId = await Accounts.UserIdAsync(app, scene.PresidentEmail);
        Assert.Contains("les présences se relèvent entre le gel des demandes et la publication", await PageAsync(scene.Agent, scene.Url("/presences")));
        await scene.PostAsync("Freeze");

        var stranger = await Forms.PostFormAsync(scene.Agent, scene.Url("/presences"), ("Present", presidentId), ("Present", Guid.NewGuid().ToString()));
        Assert.Contains("Une personne cochée n’est pas membre de cette commission : rechargez la page.", await Forms.ErrorSummaryAsync(stranger));
        var nobody = await Forms.PostFormAsync(scene.Agent, scene.Url("/presences"));
        Assert.Contains("Cochez au moins un membre présent à la réunion.", await Forms.ErrorSummaryAsync(nobody));
        Assert.All((await SessionAsync(scene)).Members, m => Assert.Null(m.Present));
        Assert.Equal(HttpStatusCode.Forbidden, (await otherAgent.GetAsync(scene.Url("/presences"))).StatusCode);

        var recorded = await Forms.PostFormAsync(scene.Agent, scene.Url("/presences"), ("Present", presidentId));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var session = await SessionAsync(scene);
        Assert.True(session.MemberOf(presidentId)!.Present);
        Assert.False(session.Members.Single(m => m.UserId != presidentId).Present);
        Assert.Contains(CommissionAudit.AttendanceRecorded, await AuditAsync(scene));
    }
}
