using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Applications;
using Berceau.Domain.Commission;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Commission.CommissionTestData;

namespace Berceau.Web.Tests.Features.Commission;

/// <summary>
/// The freeze reads the applications, then writes set-based: the statuses by one UPDATE that matches each application at the
/// version it read (docs/performance.md, « Le gel »). An application changed between the read and the write (the family re-ranks
/// its wishes, an agent corrects it, the confirmation job warns it: every verb moves <see cref="Application.Version"/>) must make
/// the freeze save nothing. To put the change exactly between the two, deterministically, a database trigger moves one
/// application's version when the freeze saves the session (its first write, before the UPDATE), inside its own transaction: what the freeze read is then
/// stale at the moment it writes, as with a change committed by someone else meanwhile. In Romainville (93062).
/// </summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public class FreezeConcurrencyTests(BerceauApp app)
{
    private const string Romainville = "93062";

    [Fact]
    public async Task AnApplicationChangedBetweenTheFreezesReadAndItsWrite_MakesTheFreezeSaveNothing_AndTheMemberIsTold()
    {
        await app.EnsureGridAsync(Romainville);
        var creche = await app.CrecheAsync("Gel", Romainville);
        var steady = await app.CompleteAsync("Stable", new(2026, 9, 1), [GuardianSituation.Employed], creche);
        var changed = await app.CompleteAsync("Changée", new(2026, 9, 1), [GuardianSituation.Employed], creche);
        var (agent, _) = await app.StaffAsync(Roles.Agent, Romainville);
        var (president, presidentEmail) = await app.StaffAsync(Roles.Committee, Romainville);
        var session = await app.CreateSessionAsync(agent, presidentEmail, [], creche);
        await DeclareAsync(agent, session, (creche, 1));

        await ChangeWhenFrozenAsync(changed.Reference);
        HttpResponseMessage refused;
        try
        {
            refused = await PostReviewAsync(president, session, "Freeze");
        }
        finally
        {
            await DropTriggerAsync();
        }

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("La commission a été modifiée par quelqu’un d’autre pendant votre saisie : rien n’a été enregistré. Rechargez la page.",
            await Forms.ErrorSummaryAsync(refused));
        var id = new CommissionSessionId(session);
        Assert.Equal(CommissionStatus.Preparation, await app.WithDbAsync(db => db.CommissionSessions.Where(s => s.Id == id).Select(s => s.Status).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.CommissionSnapshots.AnyAsync(s => s.SessionId == id)));
        Assert.False(await app.WithDbAsync(db => db.CommissionEntries.AnyAsync(e => e.SessionId == id)));
        foreach (var application in new[] { steady, changed })
        {
            var stored = await app.WithDbAsync(db => db.Applications.AsNoTracking().SingleAsync(a => a.Id == application.Id));
            Assert.Equal(ApplicationStatus.Complete, stored.Status);
            Assert.Equal(application.Version, stored.Version);
            Assert.DoesNotContain(stored.StatusChanges, c => c.To == ApplicationStatus.InCommittee);
        }

        // Nothing else was in the way: the same freeze, once nothing changes meanwhile, goes through.
        Assert.Equal(HttpStatusCode.Redirect, (await PostReviewAsync(president, session, "Freeze")).StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.CommissionEntries.CountAsync(e => e.SessionId == id)));
    }

    /// <summary>
    /// When the freeze saves the session, the version of the application <paramref name="reference"/> moves. The reference is
    /// the test's own (letters, digits and dashes): written into the SQL as it is.
    /// </summary>
    private Task ChangeWhenFrozenAsync(string reference) => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(app.Provider == "postgres"
        ? $"""
            CREATE FUNCTION freeze_concurrency_test() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                UPDATE "Applications" SET "Version" = "Version" + 1 WHERE "Reference" = '{reference}';
                RETURN NEW;
            END $$;
            CREATE TRIGGER freeze_concurrency_test AFTER UPDATE ON "CommissionSessions" FOR EACH ROW EXECUTE FUNCTION freeze_concurrency_test();
            """
        : $"""
            CREATE TRIGGER freeze_concurrency_test AFTER UPDATE ON "CommissionSessions" FOR EACH ROW
            BEGIN
                UPDATE "Applications" SET "Version" = "Version" + 1 WHERE "Reference" = '{reference}';
            END;
            """));

    private Task DropTriggerAsync() => app.WithDbAsync(db => app.Provider == "postgres"
        ? db.Database.ExecuteSqlRawAsync("""DROP TRIGGER freeze_concurrency_test ON "CommissionSessions"; DROP FUNCTION freeze_concurrency_test();""")
        : db.Database.ExecuteSqlRawAsync("DROP TRIGGER freeze_concurrency_test;"));
}
