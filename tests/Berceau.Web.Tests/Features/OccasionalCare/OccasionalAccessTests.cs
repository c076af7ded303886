using System.Net;
using Berceau.Domain.Access;
using Berceau.Web.Tests.Features.Offer;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.OccasionalCare.OccasionalTestData;

namespace Berceau.Web.Tests.Features.OccasionalCare;

/// <summary>Each family sees only its own files and bookings; each director only their crèche; each agent only their communes.</summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class OccasionalAccessTests(BerceauApp app)
{
    [Fact]
    public async Task AFamily_CannotOpenAnotherFamilysChildBookingOrAlerts_OnAnyIdRoute()
    {
        var facility = await CrecheAsync(app);
        using var director = await DirectorAsync(app, facility);
        var slotId = await PublishAsync(app, director, facility, Wednesday);
        var (owner, _, _, childId) = await FamilyAsync(app);
        var bookingId = IdFrom(await BookAsync(owner, slotId, childId));
        var (intruder, _, _, intruderChild) = await FamilyAsync(app);
        var booking = $"{Family}/reservations/{bookingId}";

        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync(booking)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"{Family}/creneaux?enfant={childId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync(BookUrl(slotId, childId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"{Family}/enfants/{childId}/alertes")).StatusCode);
        // Posts with the intruder's own token to the owner's records change nothing.
        using var cancel = await Forms.PostFormToAsync(intruder, $"{Family}/enfants/{intruderChild}/alertes", $"{booking}?handler=Cancel", [KeyValuePair.Create("Version", "0")]);
        using var alerts = await Forms.PostFormToAsync(intruder, $"{Family}/enfants/{intruderChild}/alertes", $"{Family}/enfants/{childId}/alertes",
            [KeyValuePair.Create("Input.Alerts", "true")]);
        using var book = await Forms.PostFormToAsync(intruder, $"{Family}/enfants/{intruderChild}/alertes", BookUrl(slotId, childId), [KeyValuePair.Create("ShownPrice", "6.51")]);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, alerts.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, book.StatusCode);
        Assert.Equal(Domain.OccasionalCare.BookingStatus.Confirmed,
            await app.WithDbAsync(db => db.OccasionalBookings.Where(b => b.Id == bookingId).Select(b => b.Status).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.OccasionalChildren.Where(c => c.Id == childId).Select(c => c.Alerts).SingleAsync()));
        Assert.DoesNotContain("Léa Occasionnelle", await Forms.TextAsync(await intruder.GetAsync($"{Family}/releve?mois=2026-11")));
    }

    [Fact]
    public async Task AFamily_CannotBookASlotOfAnotherCommune_NorOpenStaffPages()
    {
        var other = await CrecheAsync(app, OtherCommune);
        using var otherDirector = await DirectorAsync(app, other);
        var slotId = await PublishAsync(app, otherDirector, other, Wednesday);
        await CrecheAsync(app);
        var (family, _, _, childId) = await FamilyAsync(app);

        Assert.Equal(HttpStatusCode.NotFound, (await family.GetAsync(BookUrl(slotId, childId))).StatusCode);
        OfferTestData.AssertForbidden(await family.GetAsync(Staff));
        OfferTestData.AssertForbidden(await family.GetAsync($"{Staff}/structures/{other.Id}"));
        OfferTestData.AssertForbidden(await family.GetAsync($"{Staff}/dossiers/{childId}"));
    }

    [Fact]
    public async Task ADirector_OfAnotherFacility_IsRefusedOnEveryPageOfTheCreche_AndAnUnknownOneIsNotFound()
    {
        var facility = await CrecheAsync(app);
        var neighbour = await CrecheAsync(app);
        using var director = await DirectorAsync(app, facility);
        using var stranger = await DirectorAsync(app, neighbour);
        var slotId = await PublishAsync(app, director, facility, Wednesday);
        var page = $"{Staff}/structures/{facility.Id}";

        OfferTestData.AssertForbidden(await stranger.GetAsync(page));
        OfferTestData.AssertForbidden(await stranger.GetAsync($"{page}/publier"));
        OfferTestData.AssertForbidden(await stranger.GetAsync($"{page}/jour?date=2026-11-25"));
        using var publish = await Forms.PostFormToAsync(stranger, $"{Staff}/structures/{neighbour.Id}/publier", $"{page}/publier", SlotForm(facility, Wednesday)
            .Select(f => KeyValuePair.Create(f.Item1, f.Item2)));
        using var withdraw = await Forms.PostFormToAsync(stranger, $"{Staff}/structures/{neighbour.Id}", $"{page}?handler=Withdraw&slotId={slotId}", []);
        OfferTestData.AssertForbidden(publish);
        OfferTestData.AssertForbidden(withdraw);
        Assert.Null((await SlotAsync(app, slotId)).WithdrawnAt);
        Assert.Equal(1, await app.WithDbAsync(db => db.OccasionalSlots.CountAsync(s => s.FacilityId == facility.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await director.GetAsync($"{Staff}/structures/{Guid.NewGuid()}")).StatusCode);
        Assert.DoesNotContain(facility.Name, await Forms.TextAsync(await stranger.GetAsync(Staff)));
    }

    [Fact]
    public async Task AnAgent_ChecksOnlyTheFilesOfTheirCommunes()
    {
        await CrecheAsync(app);
        var (_, _, _, childId) = await FamilyAsync(app, complete: false);
        using var agent = await app.SignedInAsync(Roles.Agent, commune: OtherCommune);
        using var own = await app.SignedInAsync(Roles.Agent, commune: Commune);

        OfferTestData.AssertForbidden(await agent.GetAsync($"{Staff}/dossiers/{childId}"));
        Assert.DoesNotContain(childId.ToString(), await Forms.TextAsync(await agent.GetAsync($"{Staff}/dossiers")));
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"{Staff}/dossiers/{childId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await own.GetAsync($"{Staff}/dossiers/{Guid.NewGuid()}")).StatusCode);
    }
}
