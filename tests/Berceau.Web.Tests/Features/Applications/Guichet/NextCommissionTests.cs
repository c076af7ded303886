using System.Net;
using Berceau.Web.Tests.Features.Applications.BackOffice;
using Berceau.Web.Tests.Support;
using static Berceau.Web.Tests.Features.Applications.ApplicationTestData;
using static Berceau.Web.Tests.Features.Applications.Guichet.GuichetTestData;

namespace Berceau.Web.Tests.Features.Applications.Guichet;

/// <summary>
/// The family's page and the guichet's file say when the commune's next commission meets and until when the wishes may
/// change; after the freeze date, changing them is refused with the reason, and nothing changes.
/// </summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public sealed class NextCommissionTests(BerceauApp app)
{
    [Fact]
    public async Task FollowUpPage_ShowsTheNextCommission_AndTheLastDayToChangeWishes_AsDoesTheStaffFile()
    {
        await app.OnlySessionAsync(freezeInDays: 10, meetingInDays: 20, title: "Commission de décembre");
        var family = await app.FamilyApplicationAsync(Bondy);
        using var agent = await app.SignedInAgentAsync(Bondy);

        var page = await Forms.TextAsync(await family.Family.GetAsync($"/famille/demandes/{family.Id}"));
        var file = await Forms.TextAsync(await agent.GetAsync($"/pro/demandes/{family.Id}"));

        Assert.Contains("Prochaine commission d’attribution", page);
        Assert.Contains("se réunit le 13/12/2026", page);
        Assert.Contains("Vous pouvez modifier vos vœux jusqu’au 03/12/2026 inclus", page);
        Assert.Contains($"href=\"/famille/demandes/{family.Id}/voeux\"", page);
        Assert.Contains("« Commission de décembre », le 13/12/2026", file);
        Assert.Contains("jusqu’au 03/12/2026 inclus (gel des demandes)", file);
    }

    [Fact]
    public async Task ASessionWhoseMeetingIsPast_IsNotTheNextOne()
    {
        await app.OnlySessionAsync(freezeInDays: -20, meetingInDays: -1);
        var family = await app.FamilyApplicationAsync(Bondy);

        var page = await Forms.TextAsync(await family.Family.GetAsync($"/famille/demandes/{family.Id}"));

        Assert.DoesNotContain("Prochaine commission d’attribution", page);
        Assert.Contains($"href=\"/famille/demandes/{family.Id}/voeux\"", page);
    }

    [Fact]
    public async Task OnTheFreezeDate_TheWishesStillChange()
    {
        await app.OnlySessionAsync(freezeInDays: 0, meetingInDays: 7);
        var family = await app.FamilyApplicationAsync(Bondy);
        var other = (await app.CrechesAsync(Bondy, 1))[0];
        var before = await app.StoredAsync(family.Id);

        using var response = await Forms.PostFormAsync(family.Family, $"/famille/demandes/{family.Id}/voeux",
            ("Input.Version", BackOfficeTestData.V(before.Version)), ("Input.Wishes[0]", other.Id.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(other.Id, Assert.Single((await app.StoredAsync(family.Id)).Wishes).FacilityId);
    }

    [Fact]
    public async Task AfterTheFreezeDate_ChangingWishes_IsRefusedWithTheReason_AndNothingChanges()
    {
        await app.OnlySessionAsync(freezeInDays: -1, meetingInDays: 6);
        var family = await app.FamilyApplicationAsync(Bondy);
        var other = (await app.CrechesAsync(Bondy, 1))[0];
        var before = await app.StoredAsync(family.Id);

        // The form no longer opens (it sends back to the application's page): the post is what a tab opened earlier sends.
        using var posted = await Forms.PostFormToAsync(family.Family, $"/famille/demandes/{family.Id}/retirer", $"/famille/demandes/{family.Id}/voeux",
            [new("Input.Version", BackOfficeTestData.V(before.Version)), new("Input.Wishes[0]", other.Id.ToString())]);
        using var form = await family.Family.GetAsync($"/famille/demandes/{family.Id}/voeux");
        var page = await Forms.TextAsync(await family.Family.GetAsync($"/famille/demandes/{family.Id}"));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains(await Forms.ErrorSummaryAsync(posted), e => e.Contains(
            "Les vœux ne peuvent plus être modifiés : la commission d’attribution examine les demandes telles qu’elles étaient le 22/11/2026", StringComparison.Ordinal));
        var after = await app.StoredAsync(family.Id);
        Assert.Equal((before.Version, before.Wishes.Single().FacilityId), (after.Version, after.Wishes.Single().FacilityId));
        Assert.Empty(await app.WithDbAsync(db => Task.FromResult(db.AuditEntries.Where(a => a.EntityId == family.Id.ToString() && a.Action == "modification des vœux").ToList())));
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        Assert.Contains("Les demandes sont gelées depuis le 22/11/2026", page);
        Assert.DoesNotContain($"href=\"/famille/demandes/{family.Id}/voeux\"", page);
    }
}
