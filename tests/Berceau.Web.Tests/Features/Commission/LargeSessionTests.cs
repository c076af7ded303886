using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Applications;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Commission;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Berceau.Web.Tests.Features.Commission.CommissionTestData;

namespace Berceau.Web.Tests.Features.Commission;

/// <summary>
/// What changes when a session is larger than a commune's usual one (docs/performance.md, the département bench): the freeze's
/// notices are written by a job after it commits, and the review screen pages the structures and the applications without a seat. In Épinay-sur-Seine
/// (93031), a commune no other test uses.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public class LargeSessionTests(BerceauApp app)
{
    private const string Epinay = "93031";

    [Fact]
    public async Task Freeze_TellsEachFamilyWithAnAccountOnce_ThroughTheNoticesJob()
    {
        await app.EnsureGridAsync(Epinay);
        var creche = await app.CrecheAsync("Gel", Epinay);
        var families = new List<(Application Application, string UserId)>();
        for (var i = 0; i < 3; i++)
        {
            var userId = await app.FamilyAccountAsync();
            families.Add((await CompleteAsync($"Famille{(char)('A' + i)}", creche, userId), userId));
        }
        var counter = await CompleteAsync("Guichet", creche, familyUserId: null);
        var (agent, _) = await app.StaffAsync(Roles.Agent, Epinay);
        var (president, presidentEmail) = await app.StaffAsync(Roles.Committee, Epinay);
        var session = await app.CreateSessionAsync(agent, presidentEmail, [], creche);
        await DeclareAsync(agent, session, (creche, 2));

        Assert.Equal(HttpStatusCode.Redirect, (await PostReviewAsync(president, session, "Freeze")).StatusCode);
        // Written after the freeze commits, by the job the freeze wakes (the test app runs one pass itself: FreezeNoticeTests).
        Assert.True((await app.Services.GetRequiredService<FreezeNoticeJob>().RunOnceAsync()).Ran);

        var ids = families.Select(f => f.Application.Id.Value.ToString("N")).Append(counter.Id.Value.ToString("N")).ToList();
        var keys = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.IdempotencyKey.StartsWith("statut:")).Select(m => m.IdempotencyKey).ToListAsync());
        foreach (var (application, _) in families)
            Assert.Single(keys, k => k.StartsWith($"statut:{application.Id.Value:N}:{ApplicationStatus.InCommittee}:", StringComparison.Ordinal));
        // Made at the counter without an account: the guichet tells the family itself.
        Assert.DoesNotContain(keys, k => k.StartsWith($"statut:{counter.Id.Value:N}:", StringComparison.Ordinal));
        var userIds = families.Select(f => f.UserId).ToList();
        var inApp = await app.WithDbAsync(db => db.Notifications.Where(n => userIds.Contains(n.UserId) && n.Kind == "application-status").ToListAsync());
        Assert.Equal(3, inApp.Count);
        Assert.All(inApp, n => Assert.Contains("En commission", n.Title, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ReviewScreen_PagesTheStructuresAndTheApplicationsWithoutASeat_KeepingTheFilters()
    {
        await app.EnsureGridAsync(Epinay);
        // 22 crèches of one seat; 56 families all wish the first one: 1 proposed, 55 without a seat (two pages of 50).
        var creches = new List<Facility>();
        for (var i = 1; i <= CommissionReview.StructuresPerPage + 2; i++) creches.Add(await app.CrecheAsync($"P{i:D2}", Epinay));
        for (var i = 0; i < CommissionReview.UnassignedPerPage + 6; i++) await CompleteAsync($"Enfant{Letters(i)}", creches[0], familyUserId: null);
        var (agent, _) = await app.StaffAsync(Roles.Agent, Epinay);
        var (president, presidentEmail) = await app.StaffAsync(Roles.Committee, Epinay);
        var session = await app.CreateSessionAsync(agent, presidentEmail, [], [.. creches]);
        await DeclareAsync(agent, session, [.. creches.Select(c => (c, 1))]);
        Assert.Equal(HttpStatusCode.Redirect, (await PostReviewAsync(president, session, "Freeze")).StatusCode);

        var first = await Forms.TextAsync(await president.GetAsync($"/pro/commissions/{session}"));
        Assert.Contains("1 proposées par le moteur, 0 placées d’office, 55 sans place", first);
        Assert.Contains("page 1 sur 2", first);
        Assert.Contains(creches[0].Name, first);
        Assert.DoesNotContain(creches[^1].Name + " – Bébés", first);
        Assert.Contains("Parent 1 : en emploi : 30", first.Replace("&nbsp;", " ").Replace("\u00a0", " "), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Demandes sans place (55), page 1 sur 2", first);
        Assert.Contains("aria-label=\"Pages des structures\"", first);
        Assert.Contains("aria-label=\"Pages des demandes sans place\"", first);

        var second = await Forms.TextAsync(await president.GetAsync($"/pro/commissions/{session}?calcul=1&p=2"));
        Assert.Contains(creches[^1].Name + " – Bébés", second);
        Assert.DoesNotContain(creches[0].Name + " – Bébés", second);
        // The other list keeps its own page.
        Assert.Contains("Demandes sans place (55), page 1 sur 2", second);

        var unassigned = await Forms.TextAsync(await president.GetAsync($"/pro/commissions/{session}?calcul=1&statut=sans-place&p-sans-place=2"));
        Assert.Contains("Demandes sans place (55), page 2 sur 2", unassigned);
        Assert.Equal(5, CountOf(unassigned, "href=\"/pro/demandes/"));

        var onlyLast = await Forms.TextAsync(await president.GetAsync($"/pro/commissions/{session}?calcul=1&structure={creches[^1].Id}"));
        Assert.Contains(creches[^1].Name + " – Bébés", onlyLast);
        Assert.DoesNotContain("Pages des structures", onlyLast);
        // Nobody wished it: no application without a seat is listed under it.
        Assert.DoesNotContain("Demandes sans place", onlyLast);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    private static string Letters(int n) => $"{(char)('a' + n / 26)}{(char)('a' + n % 26)}";

    /// <summary>A complete application wishing <paramref name="creche"/> only, with or without a family account.</summary>
    private async Task<Application> CompleteAsync(string childName, Facility creche, string? familyUserId)
    {
        var submittedOn = new DateOnly(2026, 9, 1);
        var at = new DateTimeOffset(submittedOn.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        var application = new Application
        {
            Reference = $"DEM-E-{Guid.NewGuid():N}"[..20].ToUpperInvariant(), CommuneCode = Epinay, CreatedAt = at, FamilyUserId = familyUserId,
        };
        var request = new ApplicationRequest
        {
            Child = new ChildInput(childName, "Test", new DateOnly(2026, 4, 1), null),
            Guardians = [new GuardianInput("Awa", "Test", GuardianSituation.Employed)],
            DesiredStart = SeatsFrom, Days = WeekDays.Weekdays, From = new(8, 0), To = new(17, 0),
            Wishes = [new WishInput(creche.Id)],
        };
        Assert.True(application.Fill(request, new ApplicationAddress("1 rue Test", "93800", null), consent: true, at).IsSuccess);
        Assert.True(application.Submit(new WishChoices(new HashSet<FacilityId> { creche.Id }, null), submittedOn, at, familyUserId ?? "guichet").IsSuccess);
        Assert.True(application.Move(ApplicationStatus.Complete, at.AddDays(1), "agent").IsSuccess);
        await app.WithDbAsync(db => { db.Applications.Add(application); return db.SaveChangesAsync(); });
        return application;
    }
}
