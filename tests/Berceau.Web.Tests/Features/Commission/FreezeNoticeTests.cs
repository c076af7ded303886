using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Applications;
using Berceau.Domain.Commission;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Commission;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Berceau.Web.Tests.Features.Commission.CommissionTestData;

namespace Berceau.Web.Tests.Features.Commission;

/// <summary>
/// The families' notices of a freeze are written after it commits, by <see cref="FreezeNoticeJob"/> (docs/commission.md, « Les
/// avis du gel »): each family is told once, whatever runs at the same time, and none is forgotten when the process stops
/// between the freeze and its notices, or in the middle of them. The test app runs no worker: a freeze whose job has not run
/// is a freeze whose process stopped right after its commit. In Le Blanc-Mesnil (93007), a commune no other test uses.
/// </summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public class FreezeNoticeTests(BerceauApp app)
{
    private const string BlancMesnil = "93007";

    [Fact]
    public async Task TheFreezeCommitsWithoutItsNotices_ThenTheJobTellsEachFamilyOnce_EvenWithTwoPassesAtOnce()
    {
        var scene = await FrozenAsync(families: 4);
        // The process stopped right after the freeze: the applications are « en commission », their families not told yet.
        var ids = scene.Families.Select(f => f.Application.Id).ToList();
        Assert.All(await app.WithDbAsync(db => db.Applications.Where(a => ids.Contains(a.Id)).Select(a => a.Status).ToListAsync()),
            status => Assert.Equal(ApplicationStatus.InCommittee, status));
        Assert.Empty(await StatusKeysAsync(scene));
        Assert.Null(await QueuedAtAsync(scene.Session));

        var job = app.Services.GetRequiredService<FreezeNoticeJob>();
        var passes = await Task.WhenAll(job.RunOnceAsync(), job.RunOnceAsync());
        await job.RunOnceAsync();

        Assert.Contains(passes, p => p.Ran);
        await AssertToldOnceAsync(scene);
        Assert.NotNull(await QueuedAtAsync(scene.Session));
        // Nothing is left: another pass writes nothing more.
        Assert.Equal(0, (await job.RunOnceAsync()).Entries);
        await AssertToldOnceAsync(scene);
    }

    [Fact]
    public async Task WhileAMemberWaitsForACommissionPage_TheJobHoldsTheNotices_ThenTellsEachFamily()
    {
        // The members first (MembersFirst): on two cores, the notices' CPU would come out of the run the member just asked for.
        var scene = await FrozenAsync(families: 3);
        var members = app.Services.GetRequiredService<MembersFirst>();
        var page = members.Enter();
        Task<FreezeNoticePass> pass;
        try
        {
            pass = app.Services.GetRequiredService<FreezeNoticeJob>().RunOnceAsync();
            // Time for the pass to reach its first batch, which it holds while the page is served.
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            Assert.False(pass.IsCompleted);
            Assert.Empty(await StatusKeysAsync(scene));
        }
        finally
        {
            page.Dispose();
        }

        Assert.True((await pass).Ran);
        await AssertToldOnceAsync(scene);
    }

    [Fact]
    public async Task TwoWritersAtOnce_WithoutTheLease_NeverWriteTheSameBatch()
    {
        // Two nodes whose leases overlapped (a pass longer than its lease): each batch moves the cursor only from what it read.
        var scene = await FrozenAsync(families: 5);

        await Task.WhenAll(WriteAllAsync(scene.Session), WriteAllAsync(scene.Session));

        await AssertToldOnceAsync(scene);
        Assert.NotNull(await QueuedAtAsync(scene.Session));
    }

    [Fact]
    public async Task APassThatDiesInTheMiddle_LeavesItsBatchToTheNextPass_AndNoFamilyIsToldTwice()
    {
        var scene = await FrozenAsync(families: 5, counter: false);
        var inOrder = await app.WithDbAsync(db => db.CommissionEntries.Where(e => e.SessionId == scene.Session).OrderBy(e => e.Id)
            .Select(e => e.ApplicationId).ToListAsync());

        // The first batch of two is written; the second dies on the notice of the third family (a database trigger refuses it).
        Assert.True((await WriteBatchAsync(scene.Session, 2)).Claimed);
        await CrashOnNoticeOfAsync(inOrder[2]);
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => WriteBatchAsync(scene.Session, 2));
        }
        finally
        {
            await DropTriggerAsync();
        }
        var told = await StatusKeysAsync(scene);
        Assert.Equal(2, told.Count);
        Assert.All(inOrder.Take(2), id => Assert.Contains(told, k => k.StartsWith($"statut:{id.Value:N}:", StringComparison.Ordinal)));

        // The next pass starts where the committed batches stopped.
        var pass = await app.Services.GetRequiredService<FreezeNoticeJob>().RunOnceAsync();

        Assert.True(pass.Ran);
        await AssertToldOnceAsync(scene);
    }

    [Fact]
    public async Task CallingOffAFrozenSession_WritesTheFreezesNoticesFirst_ThenTheReturnNotices()
    {
        var scene = await FrozenAsync(families: 2);

        var cancelled = await Forms.PostFormAsync(scene.Agent, $"/pro/commissions/{scene.Session.Value}/annuler",
            ("Input.Reason", "Quorum non atteint, commission reconvoquée"));

        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        await AssertToldOnceAsync(scene, ApplicationStatus.InCommittee);
        await AssertToldOnceAsync(scene, ApplicationStatus.Complete);
        Assert.NotNull(await QueuedAtAsync(scene.Session));
        Assert.Equal(0, (await app.Services.GetRequiredService<FreezeNoticeJob>().RunOnceAsync()).Entries);
        await AssertToldOnceAsync(scene, ApplicationStatus.InCommittee);
    }

    private sealed record Family(Application Application, string UserId);

    private sealed record Scene(CommissionSessionId Session, HttpClient Agent, IReadOnlyList<Family> Families, Application? Counter);

    /// <summary>A frozen session of one crèche: families with an account, and one application made at the counter (no account).</summary>
    private async Task<Scene> FrozenAsync(int families, bool counter = true)
    {
        await app.EnsureGridAsync(BlancMesnil);
        var creche = await app.CrecheAsync("Avis", BlancMesnil);
        var list = new List<Family>();
        for (var i = 0; i < families; i++)
        {
            var userId = await app.FamilyAccountAsync();
            var application = await app.CompleteAsync($"Famille{(char)('A' + i)}", new(2026, 9, 1), [GuardianSituation.Employed], creche);
            await app.WithDbAsync(db => db.Applications.Where(a => a.Id == application.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.FamilyUserId, userId)));
            list.Add(new Family(application, userId));
        }
        var atCounter = counter ? await app.CompleteAsync("Guichet", new(2026, 9, 1), [GuardianSituation.Employed], creche) : null;
        var (agent, _) = await app.StaffAsync(Roles.Agent, BlancMesnil);
        var (president, presidentEmail) = await app.StaffAsync(Roles.Committee, BlancMesnil);
        var session = await app.CreateSessionAsync(agent, presidentEmail, [], creche);
        await DeclareAsync(agent, session, (creche, 1));
        Assert.Equal(HttpStatusCode.Redirect, (await PostReviewAsync(president, session, "Freeze")).StatusCode);
        return new Scene(new CommissionSessionId(session), agent, list, atCounter);
    }

    /// <summary>Each family with an account has exactly one notice of the move to <paramref name="to"/> (e-mail and in-app); the counter's none.</summary>
    private async Task AssertToldOnceAsync(Scene scene, ApplicationStatus to = ApplicationStatus.InCommittee)
    {
        var keys = await StatusKeysAsync(scene);
        foreach (var family in scene.Families)
            Assert.Single(keys, k => k.StartsWith($"statut:{family.Application.Id.Value:N}:{to}:", StringComparison.Ordinal));
        if (scene.Counter is { } counter)
            Assert.DoesNotContain(keys, k => k.StartsWith($"statut:{counter.Id.Value:N}:", StringComparison.Ordinal));
        var userIds = scene.Families.Select(f => f.UserId).ToList();
        var label = to.Label();
        var inApp = await app.WithDbAsync(db => db.Notifications.Where(n => userIds.Contains(n.UserId) && n.Kind == "application-status")
            .Select(n => new { n.UserId, n.Title }).ToListAsync());
        foreach (var family in scene.Families)
            Assert.Single(inApp, n => n.UserId == family.UserId && n.Title.Contains(label, StringComparison.Ordinal));
    }

    private Task<List<string>> StatusKeysAsync(Scene scene)
    {
        var prefixes = scene.Families.Select(f => f.Application).Append(scene.Counter).OfType<Application>().Select(a => $"statut:{a.Id.Value:N}:").ToList();
        return app.WithDbAsync(async db => (await db.OutboxMessages.Where(m => m.IdempotencyKey.StartsWith("statut:")).Select(m => m.IdempotencyKey).ToListAsync())
            .Where(k => prefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))).ToList());
    }

    private Task<DateTimeOffset?> QueuedAtAsync(CommissionSessionId session) =>
        app.WithDbAsync(db => db.CommissionSnapshots.Where(s => s.SessionId == session).Select(s => s.NoticesQueuedAt).SingleAsync());

    /// <summary>One batch in its own transaction, as the job writes it.</summary>
    private async Task<NoticeBatch> WriteBatchAsync(CommissionSessionId session, int max)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Berceau.Data.BerceauDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var batch = await scope.ServiceProvider.GetRequiredService<FreezeNotices>().WriteNextAsync(session, max, CancellationToken.None);
        await transaction.CommitAsync();
        return batch;
    }

    /// <summary>Batches of two until the session is done, skipping those another writer claimed first.</summary>
    private async Task WriteAllAsync(CommissionSessionId session)
    {
        for (var i = 0; i < 20; i++)
        {
            if ((await WriteBatchAsync(session, 2)).Done) return;
        }
    }

    /// <summary>The notice of <paramref name="application"/> cannot be inserted: the batch writing it fails and is rolled back.</summary>
    private Task CrashOnNoticeOfAsync(Berceau.Domain.Applications.ApplicationId application) => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(app.Provider == "postgres"
        ? $"""
            CREATE FUNCTION freeze_notice_test() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW."IdempotencyKey" LIKE 'statut:{application.Value:N}:%' THEN RAISE EXCEPTION 'arrêt simulé'; END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER freeze_notice_test BEFORE INSERT ON "OutboxMessages" FOR EACH ROW EXECUTE FUNCTION freeze_notice_test();
            """
        : $"""
            CREATE TRIGGER freeze_notice_test BEFORE INSERT ON "OutboxMessages" FOR EACH ROW
            WHEN NEW."IdempotencyKey" LIKE 'statut:{application.Value:N}:%'
            BEGIN
                SELECT RAISE(ABORT, 'arrêt simulé');
            END;
            """));

    private Task DropTriggerAsync() => app.WithDbAsync(db => app.Provider == "postgres"
        ? db.Database.ExecuteSqlRawAsync("""DROP TRIGGER freeze_notice_test ON "OutboxMessages"; DROP FUNCTION freeze_notice_test();""")
        : db.Database.ExecuteSqlRawAsync("DROP TRIGGER freeze_notice_test;"));
}
