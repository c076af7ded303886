using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Applications;
using Berceau.Domain.Commission;
using Berceau.Web.Features.Commission;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Commission.CommissionTestData;

namespace Berceau.Web.Tests.Features.Commission;

[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public class CommissionSessionTests(BerceauApp app)
{
    /// <param name="Frozen">Where the freeze sent the president: the review of calcul n° 1, with the freeze's message.</param>
    private sealed record Scene(Guid Session, HttpClient President, HttpClient Member, HttpClient Agent,
        Domain.Offer.Facility A, Domain.Offer.Facility B, Application High, Application Middle, Application Low, string Frozen);

    /// <summary>
    /// Two crèches with one seat each; three families: High (two working parents, both wishes), Middle (one working parent, A
    /// only), Low (a job seeker, A then B). The engine gives A to High, B to Low, and Middle waits.
    /// </summary>
    private async Task<Scene> FrozenSceneAsync()
    {
        await app.EnsureGridAsync();
        var a = await app.CrecheAsync("A");
        var b = await app.CrecheAsync("B");
        var (agent, _) = await app.StaffAsync(Roles.Agent);
        var (president, presidentEmail) = await app.StaffAsync(Roles.Committee);
        var (member, memberEmail) = await app.StaffAsync(Roles.Committee);
        var (director, _) = await app.StaffAsync(Roles.Director, commune: null, facility: a.Id.Value);
        var high = await app.CompleteAsync("Haute", new(2026, 9, 1), [GuardianSituation.Employed, GuardianSituation.Employed], a, b);
        var middle = await app.CompleteAsync("Moyenne", new(2026, 9, 1), [GuardianSituation.Employed], a);
        var low = await app.CompleteAsync("Basse", new(2026, 9, 1), [GuardianSituation.JobSeeker, GuardianSituation.Other], a, b);

        var session = await app.CreateSessionAsync(agent, presidentEmail, [memberEmail], a, b);
        await DeclareAsync(director, session, (a, 1));
        await DeclareAsync(agent, session, (a, 1), (b, 1));
        var frozen = await PostReviewAsync(president, session, "Freeze");
        Assert.Equal(HttpStatusCode.Redirect, frozen.StatusCode);
        return new Scene(session, president, member, agent, a, b, high, middle, low, frozen.Headers.Location!.OriginalString);
    }

    private Task<T> DbAsync<T>(Func<Berceau.Data.BerceauDbContext, Task<T>> action) => app.WithDbAsync(action);

    [Fact]
    public async Task Freeze_SnapshotsTheScopesCompleteApplications_WithTheirScores_AndPutsThemInCommittee()
    {
        var scene = await FrozenSceneAsync();
        var id = new CommissionSessionId(scene.Session);

        var session = await DbAsync(db => db.CommissionSessions.SingleAsync(s => s.Id == id));
        var entries = await DbAsync(db => db.CommissionEntries.Where(e => e.SessionId == id).ToListAsync());
        var snapshot = await DbAsync(db => db.CommissionSnapshots.SingleAsync(s => s.SessionId == id));
        var statuses = await DbAsync(db => db.Applications.Where(a => a.Id == scene.High.Id || a.Id == scene.Middle.Id || a.Id == scene.Low.Id)
            .Select(a => a.Status).ToListAsync());

        Assert.Equal(CommissionStatus.Frozen, session.Status);
        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.Equal(ApplicationStatus.Complete, e.StatusBefore));
        Assert.All(statuses, s => Assert.Equal(ApplicationStatus.InCommittee, s));
        // The change the family's timeline shows, written in bulk by the freeze.
        var high = await DbAsync(db => db.Applications.Include(a => a.StatusChanges).SingleAsync(a => a.Id == scene.High.Id));
        Assert.Equal(new StatusChange(ApplicationStatus.Complete, ApplicationStatus.InCommittee, session.FrozenAt!.Value, session.FrozenBy!, null),
            high.StatusChanges.Single(c => c.To == ApplicationStatus.InCommittee));
        Assert.Equal(ApplicationStatus.InCommittee, high.StatusChanges.MaxBy(c => c.At)!.To);
        Assert.Equal(SeatsFrom, snapshot.AgeOn);
        Assert.Equal(1, snapshot.GridVersion);
        var instance = RunRecord.ReadInstance(snapshot.InstanceJson);
        // Two working parents (60) + 2 full months waited (1 Sept → 23 Nov) = 62.
        Assert.Equal([62, 62], instance.Applications.Single(x => x.Id == scene.High.Reference).Wishes.Select(w => w.Score));
        Assert.Equal(9, instance.Applications[0].AgeMonthsAtStart);
        Assert.Contains(await DbAsync(db => db.AuditEntries.Where(e => e.EntityId == scene.Session.ToString()).Select(e => e.Action).ToListAsync()),
            a => a == CommissionAudit.Frozen);
    }

    [Fact]
    public async Task TheFreeze_RunsTheEngine_StoresEverything_TheReviewShowsProposalAndExplanations_AndTheReplayIsIdentical()
    {
        var scene = await FrozenSceneAsync();

        var page = await Forms.TextAsync(await scene.President.GetAsync(scene.Frozen));

        Assert.Contains("Les demandes sont gelées : 3 demandes seront examinées. Calcul n° 1 terminé.", page);
        Assert.Contains("2 proposées par le moteur, 0 placées d’office, 1 sans place", page);
        Assert.Contains("Moyenne Test", page);
        // Middle: one working parent, single (30 + 20) and 2 months waited = 52, below High's 62 at A, its only wish.
        Assert.Contains("score 52 pour un dernier admis à 62, 1re sur la liste d’attente", page);
        Assert.Contains("Parent 1 : en emploi : 30", page.Replace("&nbsp;", " ").Replace("\u00a0", " "), StringComparison.OrdinalIgnoreCase);

        var run = await DbAsync(db => db.CommissionRuns.SingleAsync(r => r.SessionId == new CommissionSessionId(scene.Session)));
        Assert.StartsWith("sha256:", run.InstanceHash);
        Assert.False(string.IsNullOrEmpty(run.EngineVersion));
        Assert.Contains("\"elapsedMs\":0", run.ResultJson);
        var snapshot = await DbAsync(db => db.CommissionSnapshots.SingleAsync(s => s.SessionId == new CommissionSessionId(scene.Session)));
        Assert.True(RunRecord.Replay(snapshot, run).Identical);
        // Without a decision the engine was given the snapshot's instance: the run points to it instead of storing it again,
        // and keeps the sections the pages read (the instance without its applications).
        Assert.Null(run.InstanceJson);
        Assert.Equal(snapshot.InstanceJson, run.InstanceOf(snapshot));
        Assert.Equal(RunRecord.SectionsJson(RunRecord.ReadInstance(snapshot.InstanceJson)), run.SectionsJson);
        Assert.DoesNotContain(scene.Middle.Reference, run.SectionsJson);

        var replayed = await PostReviewAsync(scene.Member, scene.Session, "Replay", ("number", "1"));
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Contains("identiques, octet pour octet", await Forms.TextAsync(await scene.Member.GetAsync(replayed.Headers.Location!.OriginalString)));
    }

    [Fact]
    public async Task TheInstanceAndResult_AreStoredCompressed_AndDocumentsStoredAsTextBefore_StillReadAndReplay()
    {
        var scene = await FrozenSceneAsync();
        var id = new CommissionSessionId(scene.Session);
        var run = await DbAsync(db => db.CommissionRuns.AsNoTracking().SingleAsync(r => r.SessionId == id));
        var snapshot = await DbAsync(db => db.CommissionSnapshots.AsNoTracking().SingleAsync(s => s.SessionId == id));

        // As stored: the compressed form's mark, and fewer bytes than the JSON's own.
        var (storedResult, storedInstance) = (await StoredBytesAsync("CommissionRuns", "ResultJson", run.Id.ToString()),
            await StoredBytesAsync("CommissionSnapshots", "InstanceJson", scene.Session.ToString()));
        Assert.Equal(0x01, storedResult[0]);
        Assert.Equal(0x01, storedInstance[0]);
        Assert.True(storedResult.Length < System.Text.Encoding.UTF8.GetByteCount(run.ResultJson) / 2, $"{storedResult.Length} bytes stored");
        Assert.True(storedInstance.Length < System.Text.Encoding.UTF8.GetByteCount(snapshot.InstanceJson) / 2, $"{storedInstance.Length} bytes stored");

        // A session frozen before: its documents are the JSON's text, as the migration left them.
        await DbAsync(db => db.Database.ExecuteSqlRawAsync(app.Provider == "postgres"
            ? "UPDATE \"CommissionRuns\" SET \"ResultJson\" = convert_to({0}, 'UTF8') WHERE \"Id\" = {1}"
            : "UPDATE \"CommissionRuns\" SET \"ResultJson\" = {0} WHERE \"Id\" = {1}", run.ResultJson, run.Id));
        await DbAsync(db => db.Database.ExecuteSqlRawAsync(app.Provider == "postgres"
            ? "UPDATE \"CommissionSnapshots\" SET \"InstanceJson\" = convert_to({0}, 'UTF8') WHERE \"SessionId\" = {1}"
            : "UPDATE \"CommissionSnapshots\" SET \"InstanceJson\" = {0} WHERE \"SessionId\" = {1}", snapshot.InstanceJson, scene.Session));
        Assert.Equal((byte)'{', (await StoredBytesAsync("CommissionRuns", "ResultJson", run.Id.ToString()))[0]);

        var read = await DbAsync(db => db.CommissionRuns.AsNoTracking().SingleAsync(r => r.SessionId == id));
        var readSnapshot = await DbAsync(db => db.CommissionSnapshots.AsNoTracking().SingleAsync(s => s.SessionId == id));
        Assert.Equal(run.ResultJson, read.ResultJson);
        Assert.Equal(snapshot.InstanceJson, readSnapshot.InstanceJson);
        var replayed = await PostReviewAsync(scene.Member, scene.Session, "Replay", ("number", "1"));
        Assert.Contains("identiques, octet pour octet", await Forms.TextAsync(await scene.Member.GetAsync(replayed.Headers.Location!.OriginalString)));
    }

    /// <summary>A document's bytes as the database holds them, before EF Core's converter reads them.</summary>
    private Task<byte[]> StoredBytesAsync(string table, string column, string key) => DbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        var keyColumn = table == "CommissionRuns" ? "Id" : "SessionId";
        // SQLite compares identifiers as their upper-case text; PostgreSQL as uuid.
        command.CommandText = app.Provider == "postgres"
            ? $"SELECT \"{column}\" FROM \"{table}\" WHERE \"{keyColumn}\" = '{key}'::uuid"
            : $"SELECT CAST(\"{column}\" AS BLOB) FROM \"{table}\" WHERE \"{keyColumn}\" = '{key.ToUpperInvariant()}'";
        return (byte[])(await command.ExecuteScalarAsync())!;
    });

    [Fact]
    public async Task ARunFromTheStoredSnapshot_ProposesWhatARunFromTheInstanceKeptSinceTheFreeze_Proposed()
    {
        var scene = await FrozenSceneAsync();
        // Two sessions frozen since: this node no longer keeps the first one's instance (FrozenInstances.Kept), and its next run
        // starts from the snapshot's bytes, as a run on another node would.
        for (var other = 0; other < FrozenInstances.Kept; other++) await FrozenSceneAsync();

        var again = await PostReviewAsync(scene.Member, scene.Session, "Run");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var page = await Forms.TextAsync(await scene.Member.GetAsync($"/pro/commissions/{scene.Session}?calcul=2"));
        Assert.Contains("2 proposées par le moteur, 0 placées d’office, 1 sans place", page);
        var runs = await DbAsync(db => db.CommissionRuns.Where(r => r.SessionId == new CommissionSessionId(scene.Session)).OrderBy(r => r.Number).ToListAsync());
        Assert.Equal([1, 2], runs.Select(r => r.Number));
        Assert.Equal(runs[0].ResultJson, runs[1].ResultJson);
        Assert.Equal(runs[0].SectionsJson, runs[1].SectionsJson);
    }

    [Fact]
    public async Task Filters_ShowOneStructureOrOnlyTheUnassigned()
    {
        var scene = await FrozenSceneAsync();

        var onlyB = await Forms.TextAsync(await scene.President.GetAsync($"/pro/commissions/{scene.Session}?structure={scene.B.Id}"));
        var unassigned = await Forms.TextAsync(await scene.President.GetAsync($"/pro/commissions/{scene.Session}?statut=sans-place"));

        Assert.Contains($"{scene.B.Name} – Bébés\u00a0: 1 place, 1 attribuées", onlyB);
        Assert.DoesNotContain($"{scene.A.Name} – Bébés\u00a0:", onlyB);
        Assert.Contains("Demandes sans place (1)", unassigned);
        Assert.DoesNotContain(" attribuées", unassigned);
    }

    [Fact]
    public async Task AnOverride_NeedsAReason_ThenReRuns_AndTheDiffSaysWhoMovedAndWhy()
    {
        var scene = await FrozenSceneAsync();
        var force = new[] { ("Override.Application", scene.Middle.Reference), ("Override.Kind", "Force"), ("Override.Target", $"{scene.A.Id}:{scene.A.Sections[0].Id}") };

        var noReason = await PostReviewAsync(scene.Member, scene.Session, "Override", [.. force, ("Override.Reason", " ")]);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Écrivez le motif de cette décision (au moins 10 caractères) : il figurera au procès-verbal.", await Forms.ErrorSummaryAsync(noReason));

        var forced = await PostReviewAsync(scene.Member, scene.Session, "Override", [.. force, ("Override.Reason", "Situation d’urgence signalée par la PMI")]);
        Assert.Equal(HttpStatusCode.Redirect, forced.StatusCode);
        var page = await Forms.TextAsync(await scene.Member.GetAsync(forced.Headers.Location!.OriginalString));
        Assert.Contains("calcul n° 2 terminé", page);
        Assert.Contains("1 placées d’office", page);

        var diff = await Forms.TextAsync(await scene.Member.GetAsync($"/pro/commissions/{scene.Session}/ecarts?de=1&a=2"));
        Assert.Contains("3 demandes ont changé de place", diff);
        Assert.Contains("Décision de la commission (placement d’office) : Situation d’urgence signalée par la PMI", diff);
        // High lost A's only seat to the forced placement and took B, so Low has no seat: its line says why, from the scores.
        Assert.Contains("Sans place : ", diff);

        var snapshot = await DbAsync(db => db.CommissionSnapshots.SingleAsync(s => s.SessionId == new CommissionSessionId(scene.Session)));
        var second = await DbAsync(db => db.CommissionRuns.SingleAsync(r => r.SessionId == new CommissionSessionId(scene.Session) && r.Number == 2));
        Assert.True(RunRecord.Replay(snapshot, second).Identical);
        Assert.Contains("Situation d’urgence", second.OverridesJson);
        // A decision changed the engine's instance: that run stores its own, without the forced application.
        Assert.NotNull(second.InstanceJson);
        Assert.NotEqual(snapshot.InstanceJson, second.InstanceJson);
        Assert.DoesNotContain($"\"{scene.Middle.Reference}\"", second.InstanceJson);
    }

    [Fact]
    public async Task AnExclusion_ThenItsWithdrawal_EachReRun_AndTheWithdrawnDecisionStaysReadable()
    {
        var scene = await FrozenSceneAsync();

        var excluded = await PostReviewAsync(scene.President, scene.Session, "Override", ("Override.Application", scene.High.Reference),
            ("Override.Kind", "Exclude"), ("Override.Target", scene.A.Id.ToString()), ("Override.Reason", "La famille a déménagé loin de cette crèche"));
        Assert.Equal(HttpStatusCode.Redirect, excluded.StatusCode);
        var decision = await DbAsync(db => db.CommissionOverrides.SingleAsync(o => o.SessionId == new CommissionSessionId(scene.Session)));
        var page = await Forms.TextAsync(await scene.President.GetAsync($"/pro/commissions/{scene.Session}?calcul=2"));
        // Without A, High takes B; Middle gets A; Low is left, with the commission's exclusion nowhere in its sentence.
        Assert.Contains("1 sans place", page);
        Assert.Contains($"exclue de {scene.A.Name}", page);

        var withdrawn = await PostReviewAsync(scene.President, scene.Session, "Withdraw", ("overrideId", decision.Id.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var diff = await Forms.TextAsync(await scene.President.GetAsync($"/pro/commissions/{scene.Session}/ecarts?de=2&a=3"));
        Assert.Contains("Décision de la commission retirée : La famille a déménagé loin de cette crèche", diff);
        // Run 1 is no longer among the views this node keeps (RecentRunViews.Kept): its page is read from the database, and
        // proposes what the first run proposed.
        var first = await Forms.TextAsync(await scene.President.GetAsync($"/pro/commissions/{scene.Session}?calcul=1"));
        Assert.Contains("2 proposées par le moteur, 0 placées d’office, 1 sans place", first);
        Assert.Contains("score 52 pour un dernier admis à 62, 1re sur la liste d’attente", first);
        var runs = await DbAsync(db => db.CommissionRuns.Where(r => r.SessionId == new CommissionSessionId(scene.Session)).OrderBy(r => r.Number).ToListAsync());
        Assert.Equal(3, runs.Count);
        Assert.Equal(runs[0].ResultJson, runs[2].ResultJson);
        Assert.Contains("déménagé", runs[1].OverridesJson);
        Assert.Equal("[]", runs[2].OverridesJson);
    }

    [Fact]
    public async Task OnlyThePresident_Validates()
    {
        var scene = await FrozenSceneAsync();

        var byMember = await PostReviewAsync(scene.Member, scene.Session, "Validate");
        Assert.Contains("Seule la présidente ou le président de la commission peut valider.", await Forms.ErrorSummaryAsync(byMember));
        var byPresident = await PostReviewAsync(scene.President, scene.Session, "Validate");
        Assert.Equal(HttpStatusCode.Redirect, byPresident.StatusCode);

        var session = await DbAsync(db => db.CommissionSessions.SingleAsync(s => s.Id == new CommissionSessionId(scene.Session)));
        Assert.Equal(CommissionStatus.Validated, session.Status);
        Assert.NotNull(session.ValidatedRunId);
        var rerun = await PostReviewAsync(scene.President, scene.Session, "Run");
        Assert.Contains("Validée", string.Join(" ", await Forms.ErrorSummaryAsync(rerun)));
    }

    [Fact]
    public async Task TheReviewScreen_IsForMembersAndAdminsOfTheTerritory_Only()
    {
        var scene = await FrozenSceneAsync();
        var url = $"/pro/commissions/{scene.Session}";
        var (admin, _) = await app.StaffAsync(Roles.Admin);
        var (otherAdmin, _) = await app.StaffAsync(Roles.Admin, commune: OtherCommune);
        var (otherCommuneMember, otherEmail) = await app.StaffAsync(Roles.Committee, commune: OtherCommune);
        var (family, _, _) = await Accounts.SignInAsNewFamilyAsync(app);
        // A member whose grants do not cover the commune: listed by mistake, still refused.
        await DbAsync(async db =>
        {
            var session = await db.CommissionSessions.SingleAsync(s => s.Id == new CommissionSessionId(scene.Session));
            var userId = await db.Users.Where(u => u.Email == otherEmail).Select(u => u.Id).SingleAsync();
            session.Members.Add(new CommissionMember(userId, CommissionRole.Member));
            return await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.OK, (await scene.Member.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await scene.Agent.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherAdmin.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherCommuneMember.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await family.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await scene.Agent.GetAsync(url + "/ecarts?de=1&a=1")).StatusCode);
        // Posting is refused too, whatever the handler.
        var token = Forms.AntiforgeryToken(await (await scene.Agent.GetAsync("/pro/commissions/nouvelle")).Content.ReadAsStringAsync())!;
        using var content = new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.Forbidden, (await scene.Agent.PostAsync(url + "?handler=Run", content)).StatusCode);
        // Only the freeze's calcul n° 1.
        Assert.Equal([1], await DbAsync(db => db.CommissionRuns.Where(r => r.SessionId == new CommissionSessionId(scene.Session)).Select(r => r.Number).ToListAsync()));
    }

    [Fact]
    public async Task ADirector_DeclaresForTheirCrecheOnly_AndNotAfterTheFreeze()
    {
        await app.EnsureGridAsync();
        var a = await app.CrecheAsync("A");
        var b = await app.CrecheAsync("B");
        var (agent, _) = await app.StaffAsync(Roles.Agent);
        var (_, presidentEmail) = await app.StaffAsync(Roles.Committee);
        var (director, _) = await app.StaffAsync(Roles.Director, commune: null, facility: a.Id.Value);
        var (otherDirector, _) = await app.StaffAsync(Roles.Director, commune: null, facility: Guid.NewGuid());
        var session = await app.CreateSessionAsync(agent, presidentEmail, [], a, b);

        var page = await Forms.TextAsync(await director.GetAsync($"/pro/commissions/{session}/places"));
        Assert.Contains(a.Name, page);
        Assert.DoesNotContain(b.Name, page);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherDirector.GetAsync($"/pro/commissions/{session}/places")).StatusCode);

        var tooMany = await Forms.PostFormAsync(director, $"/pro/commissions/{session}/places",
            ("Seats[0].FacilityId", a.Id.ToString()), ("Seats[0].SectionId", a.Sections[0].Id.ToString()), ("Seats[0].Seats", "11"));
        Assert.Contains("La section « Bébés » compte 10 places : déclarez entre 0 et 10 places.", await Forms.ErrorSummaryAsync(tooMany));
        // A crèche the director does not run, slipped into the form, is refused.
        var notTheirs = await Forms.PostFormAsync(director, $"/pro/commissions/{session}/places",
            ("Seats[0].FacilityId", b.Id.ToString()), ("Seats[0].SectionId", b.Sections[0].Id.ToString()), ("Seats[0].Seats", "1"));
        Assert.Equal(HttpStatusCode.OK, notTheirs.StatusCode);
        var stored = await DbAsync(db => db.CommissionSessions.SingleAsync(s => s.Id == new CommissionSessionId(session)));
        Assert.Empty(stored.Seats);
    }

    [Fact]
    public async Task Create_ByAnAgentWhoDoesNotSitOnIt_LeadsToTheMembersPage_NotToARefusedReview()
    {
        var a = await app.CrecheAsync("P");
        var (agent, _) = await app.StaffAsync(Roles.Agent);
        var (_, presidentEmail) = await app.StaffAsync(Roles.Committee);

        var session = await app.CreateSessionAsync(agent, presidentEmail, [], a);

        var members = await agent.GetAsync($"/pro/commissions/{session}/membres");
        Assert.Equal(HttpStatusCode.OK, members.StatusCode);
        Assert.Contains("La commission « Commission d’hiver » est créée.", System.Net.WebUtility.HtmlDecode(await members.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"/pro/commissions/{session}")).StatusCode);
    }

    [Fact]
    public async Task Create_RefusesAFreezeAfterTheMeeting_AndAnUnknownMember()
    {
        var (agent, _) = await app.StaffAsync(Roles.Agent);
        var response = await Forms.PostFormToAsync(agent, $"/pro/commissions/nouvelle?commune={Commune}", "/pro/commissions/nouvelle",
        [
            KeyValuePair.Create("Input.CommuneCode", Commune), KeyValuePair.Create("Input.Title", "Commission"),
            KeyValuePair.Create("Input.FreezeDate", "2026-12-10"), KeyValuePair.Create("Input.MeetingDate", "2026-12-01"),
            KeyValuePair.Create("Input.President", "personne@example.org"),
        ]);

        var errors = await Forms.ErrorSummaryAsync(response);
        Assert.Contains("Aucun compte professionnel ne correspond à l’adresse « personne@example.org ».", errors);
        Assert.Contains("La date de gel des demandes doit être au plus tard le jour de la réunion (01/12/2026).", errors);
    }
}
