using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.OccasionalCare;
using Berceau.Web.Features.OccasionalCare;
using Berceau.Web.Tests.Features.Offer;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.OccasionalCare.OccasionalTestData;

namespace Berceau.Web.Tests.Features.SolutionGaps;

/// <summary>
/// Occasional care: each commune's free-cancellation notice (shown before booking, kept by the booking, applied at cancellation),
/// and the crèche cancelling a booking with a reason (family told, nothing billed, « annulée par la crèche » on the statement).
/// </summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public sealed class OccasionalGapsTests(BerceauApp app)
{
    private const string Commune = GapsTestData.Commune;
    // The notice tests change Gournay's notice; the other tests book in Dugny, whose notice stays the default.
    private const string NoticeCommune = GapsTestData.OtherCommune;

    private static string SettingsUrl(string commune) => $"{Staff}/reglages/{commune}";

    /// <summary>Posts the notice with the version the form carries now (or the one given, to play a stale form).</summary>
    private static async Task<HttpResponseMessage> SetNoticeAsync(HttpClient agent, string commune, string hours, int version = -1)
    {
        var form = await Forms.TextAsync(await agent.GetAsync(SettingsUrl(commune)));
        var current = version < 0 ? Forms.HiddenValue(form, "Version") ?? "0" : version.ToString();
        return await Forms.PostFormToAsync(agent, SettingsUrl(commune), SettingsUrl(commune),
            [KeyValuePair.Create("FreeCancellationHours", hours), KeyValuePair.Create("Version", current)]);
    }

    [Fact]
    public async Task TheCommunesNotice_IsShownBeforeBooking_KeptByTheBooking_AndAppliedAtCancellation()
    {
        var facility = await CrecheAsync(app, commune: NoticeCommune, prefix: "Crèche délai");
        using var director = await DirectorAsync(app, facility);
        using var agent = await app.SignedInAsync(Roles.Agent, commune: NoticeCommune);
        // Wednesday 8:30 in Paris is 46.5 h away: free under the default 24 h, late under 72 h.
        var slot = await PublishAsync(app, director, facility, Wednesday);
        var (family, _, _, childId) = await FamilyAsync(app, commune: NoticeCommune);

        using var set = await SetNoticeAsync(agent, NoticeCommune, "72");
        var home = await Forms.TextAsync(await agent.GetAsync(Staff));
        var bookPage = await Forms.TextAsync(await family.GetAsync(BookUrl(slot, childId)));
        var bookingId = IdFrom(await BookAsync(family, slot, childId));
        // The commune shortens its notice afterwards: the booking keeps the 72 h it was shown.
        using var shortened = await SetNoticeAsync(agent, NoticeCommune, "24");
        var bookingPage = await Forms.TextAsync(await family.GetAsync($"{Family}/reservations/{bookingId}"));
        using var cancelled = await Forms.PostFormToAsync(family, $"{Family}/reservations/{bookingId}", $"{Family}/reservations/{bookingId}?handler=Cancel",
            [KeyValuePair.Create("Version", "0")]);

        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, shortened.StatusCode);
        Assert.Contains("72\u00a0heure(s) avant le début", home);
        Assert.Contains("72\u00a0heures avant le début, délai fixé par la commune", bookPage);
        Assert.Contains("Le délai d’annulation gratuite est passé", bookingPage);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var booking = await app.WithDbAsync(db => db.OccasionalBookings.AsNoTracking().SingleAsync(b => b.Id == bookingId));
        Assert.Equal((72, BookingStatus.CancelledLate), (booking.FreeCancellationHours, booking.Status));
        Assert.Equal(24, await app.WithDbAsync(db => db.OccasionalCareSettings.Where(s => s.CommuneCode == NoticeCommune).Select(s => s.FreeCancellationHours).SingleAsync()));
        Assert.Equal(["delai-annulation-modifie", "delai-annulation-modifie"],
            (await app.OccasionalAuditAsync(CancellationNotices.AuditEntity, NoticeCommune)).Select(a => a.Action).TakeLast(2));
    }

    [Theory]
    [InlineData("", "Ce champ est obligatoire")]
    [InlineData("douze", "")]
    [InlineData("169", "entre 0 et 168")]
    [InlineData("-1", "entre 0 et 168")]
    public async Task TheNotice_RefusesBadInput_WithAMessage_AndChangesNothing(string hours, string message)
    {
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Commune);

        using var response = await SetNoticeAsync(agent, Commune, hours);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = Assert.Single(await Forms.ErrorSummaryAsync(response));
        Assert.Contains(message, error);
        Assert.False(await app.WithDbAsync(db => db.OccasionalCareSettings.AnyAsync(s => s.CommuneCode == Commune)));
    }

    [Fact]
    public async Task TheNotice_ChangedMeanwhile_IsNotOverwritten()
    {
        using var agent = await app.SignedInAsync(Roles.Agent, commune: NoticeCommune);
        using var first = await SetNoticeAsync(agent, NoticeCommune, "30");
        var version = await app.WithDbAsync(db => db.OccasionalCareSettings.Where(s => s.CommuneCode == NoticeCommune).Select(s => s.Version).SingleAsync());

        using var stale = await SetNoticeAsync(agent, NoticeCommune, "48", version - 1);

        Assert.Contains("modifié par quelqu’un d’autre", Assert.Single(await Forms.ErrorSummaryAsync(stale)));
        Assert.Equal(30, await app.WithDbAsync(db => db.OccasionalCareSettings.Where(s => s.CommuneCode == NoticeCommune).Select(s => s.FreeCancellationHours).SingleAsync()));
    }

    [Fact]
    public async Task TheNotice_IsForAgentsAndAdminsOfTheCommune_Only()
    {
        var facility = await CrecheAsync(app, commune: Commune, prefix: "Crèche délai accès");
        using var director = await DirectorAsync(app, facility);
        using var otherAgent = await app.SignedInAsync(Roles.Agent, commune: NoticeCommune);
        using var admin = await app.SignedInAsync(Roles.Admin, departement: "93");
        var (family, _, _) = await Accounts.SignInAsNewFamilyAsync(app);

        using var byDirector = await director.GetAsync(SettingsUrl(Commune));
        using var byDirectorPost = await Forms.PostFormToAsync(director, "/pro", SettingsUrl(Commune), [KeyValuePair.Create("FreeCancellationHours", "48")]);
        using var byOtherCommune = await otherAgent.GetAsync(SettingsUrl(Commune));
        using var byFamily = await family.GetAsync(SettingsUrl(Commune));
        using var unknown = await admin.GetAsync(SettingsUrl("99999"));
        using var byAdmin = await admin.GetAsync(SettingsUrl(Commune));

        OfferTestData.AssertForbidden(byDirector);
        OfferTestData.AssertForbidden(byDirectorPost);
        Assert.Equal(HttpStatusCode.NotFound, byOtherCommune.StatusCode);
        OfferTestData.AssertForbidden(byFamily);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.OccasionalCareSettings.AnyAsync(s => s.CommuneCode == Commune)));
    }

    private static string CancelUrl(Guid booking) => $"{Staff}/reservations/{booking}/annuler";

    private static Task<HttpResponseMessage> CancelByCrecheAsync(HttpClient staff, Guid booking, string reason, int version = 0) =>
        Forms.PostFormToAsync(staff, CancelUrl(booking), CancelUrl(booking),
            [KeyValuePair.Create("Reason", reason), KeyValuePair.Create("Version", version.ToString())]);

    [Fact]
    public async Task TheCreche_CancelsABooking_WithAReason_TheFamilyIsToldAndNotBilled()
    {
        var facility = await CrecheAsync(app, commune: Commune, prefix: "Crèche annule");
        using var director = await DirectorAsync(app, facility);
        var slot = await PublishAsync(app, director, facility, Tomorrow, places: 1);
        var (family, email, userId, childId) = await FamilyAsync(app, commune: Commune);
        var bookingId = IdFrom(await BookAsync(family, slot, childId));

        var day = await Forms.TextAsync(await director.GetAsync($"{Staff}/structures/{facility.Id}/jour?date=2026-11-24"));
        using var cancelled = await CancelByCrecheAsync(director, bookingId, "Fermeture exceptionnelle (panne de chauffage)");
        var dayAfter = await Forms.TextAsync(await director.GetAsync($"{Staff}/structures/{facility.Id}/jour?date=2026-11-24"));
        var statement = await Forms.TextAsync(await family.GetAsync($"{Family}/releve?mois=2026-11"));
        var bookingPage = await Forms.TextAsync(await family.GetAsync($"{Family}/reservations/{bookingId}"));

        Assert.Contains($"href=\"{CancelUrl(bookingId)}\"", day);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Contains("Annulée par la crèche (non facturée)", dayAfter);
        Assert.DoesNotContain($"href=\"{CancelUrl(bookingId)}\"", dayAfter);
        var booking = await app.WithDbAsync(db => db.OccasionalBookings.AsNoTracking().SingleAsync(b => b.Id == bookingId));
        Assert.Equal((BookingStatus.CancelledByFacility, 0m, "Fermeture exceptionnelle (panne de chauffage)"), (booking.Status, booking.Billed, booking.CancellationReason));
        Assert.Contains("Annulée par la crèche (non facturée)", statement);
        Assert.Contains("panne de chauffage", bookingPage);
        // Its only place was cancelled by the crèche: the slot is not offered again.
        var stored = await SlotAsync(app, slot);
        Assert.Equal((0, true), (stored.Booked, stored.IsWithdrawn));
        Assert.Contains(await Mail.ReceivedAsync(app, email), m => m.Contains("a dû annuler votre réservation", StringComparison.Ordinal)
            && m.Contains("panne de chauffage", StringComparison.Ordinal) && m.Contains("ne vous sera pas facturée", StringComparison.Ordinal));
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == userId && n.Kind == OccasionalEmails.CancelledByFacilityKind)));
        Assert.Contains(OccasionalAudit.CancelledByFacility, (await app.OccasionalAuditAsync(OccasionalAudit.BookingEntity, bookingId.ToString())).Select(a => a.Action));
    }

    [Fact]
    public async Task TheCreche_CancellingOnePlaceOfSeveral_KeepsTheOthersOffered()
    {
        var facility = await CrecheAsync(app, commune: Commune, prefix: "Crèche annule une");
        using var director = await DirectorAsync(app, facility);
        var slot = await PublishAsync(app, director, facility, Wednesday, places: 3);
        var (family, _, _, childId) = await FamilyAsync(app, commune: Commune);
        var bookingId = IdFrom(await BookAsync(family, slot, childId));

        using var cancelled = await CancelByCrecheAsync(director, bookingId, "Une professionnelle absente");

        var stored = await SlotAsync(app, slot);
        Assert.Equal((2, 0, false), (stored.Places, stored.Booked, stored.IsWithdrawn));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Non")]
    public async Task TheCreche_MustGiveAReason_OrNothingChanges(string reason)
    {
        var facility = await CrecheAsync(app, commune: Commune, prefix: "Crèche motif");
        using var director = await DirectorAsync(app, facility);
        var slot = await PublishAsync(app, director, facility, Wednesday);
        var (family, email, _, childId) = await FamilyAsync(app, commune: Commune);
        var bookingId = IdFrom(await BookAsync(family, slot, childId));

        using var response = await CancelByCrecheAsync(director, bookingId, reason);
        using var tooLong = await CancelByCrecheAsync(director, bookingId, new string('x', OccasionalBooking.MaxReasonLength + 1));

        Assert.Contains("Écrivez pourquoi la crèche annule", Assert.Single(await Forms.ErrorSummaryAsync(response)));
        Assert.Single(await Forms.ErrorSummaryAsync(tooLong));
        var booking = await app.WithDbAsync(db => db.OccasionalBookings.AsNoTracking().SingleAsync(b => b.Id == bookingId));
        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        Assert.Equal(1, (await SlotAsync(app, slot)).Booked);
        Assert.DoesNotContain(await Mail.ReceivedAsync(app, email), m => m.Contains("a dû annuler", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheCreche_CannotCancelTwice_NorAfterTheFamilyCancelled()
    {
        var facility = await CrecheAsync(app, commune: Commune, prefix: "Crèche deux fois");
        using var director = await DirectorAsync(app, facility);
        var slot = await PublishAsync(app, director, facility, Wednesday);
        var (family, _, _, childId) = await FamilyAsync(app, commune: Commune);
        var bookingId = IdFrom(await BookAsync(family, slot, childId));
        using var byFamily = await Forms.PostFormToAsync(family, $"{Family}/reservations/{bookingId}", $"{Family}/reservations/{bookingId}?handler=Cancel",
            [KeyValuePair.Create("Version", "0")]);

        using var byCreche = await CancelByCrecheAsync(director, bookingId, "Fermeture exceptionnelle", version: 1);

        Assert.Contains("déjà annulée", Assert.Single(await Forms.ErrorSummaryAsync(byCreche)));
        var booking = await app.WithDbAsync(db => db.OccasionalBookings.AsNoTracking().SingleAsync(b => b.Id == bookingId));
        Assert.Equal(BookingStatus.Cancelled, booking.Status);
    }

    [Fact]
    public async Task OnlyWhoManagesTheCreche_CancelsItsBookings()
    {
        var facility = await CrecheAsync(app, commune: Commune, prefix: "Crèche droits");
        var other = await CrecheAsync(app, commune: Commune, prefix: "Crèche voisine");
        using var director = await DirectorAsync(app, facility);
        using var otherDirector = await DirectorAsync(app, other);
        using var otherAgent = await app.SignedInAsync(Roles.Agent, commune: NoticeCommune);
        var slot = await PublishAsync(app, director, facility, Wednesday);
        var (family, _, _, childId) = await FamilyAsync(app, commune: Commune);
        var bookingId = IdFrom(await BookAsync(family, slot, childId));

        using var byOtherDirector = await otherDirector.GetAsync(CancelUrl(bookingId));
        using var byOtherDirectorPost = await Forms.PostFormToAsync(otherDirector, "/pro", CancelUrl(bookingId), [KeyValuePair.Create("Reason", "Fermeture exceptionnelle"), KeyValuePair.Create("Version", "0")]);
        using var byOtherAgent = await Forms.PostFormToAsync(otherAgent, "/pro", CancelUrl(bookingId), [KeyValuePair.Create("Reason", "Fermeture exceptionnelle"), KeyValuePair.Create("Version", "0")]);
        using var byFamily = await family.GetAsync(CancelUrl(bookingId));
        using var unknown = await director.GetAsync(CancelUrl(Guid.NewGuid()));

        OfferTestData.AssertForbidden(byOtherDirector);
        OfferTestData.AssertForbidden(byOtherDirectorPost);
        OfferTestData.AssertForbidden(byOtherAgent);
        OfferTestData.AssertForbidden(byFamily);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(BookingStatus.Confirmed, await app.WithDbAsync(db => db.OccasionalBookings.Where(b => b.Id == bookingId).Select(b => b.Status).SingleAsync()));
    }
}
