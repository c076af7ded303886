using System.Net;
using Berceau.Domain.OccasionalCare;
using Berceau.Web.Features.OccasionalCare;
using Berceau.Web.Tests.Features.Offer;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.OccasionalCare.OccasionalTestData;

namespace Berceau.Web.Tests.Features.OccasionalCare;

/// <summary>Directors publish half-day slots; families with a complete file book them at their PSU hourly fee, cancel, read their statement.</summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public sealed class OccasionalCareTests(BerceauApp app)
{
    [Fact]
    public async Task Publish_ByTheDirector_ShowsTheSlotToFamiliesOfTheCommune_WithTheirPriceCheckedByHand()
    {
        var facility = await CrecheAsync(app);
        using var director = await DirectorAsync(app, facility);
        var slotId = await PublishAsync(app, director, facility, Wednesday);
        var (family, _, _, childId) = await FamilyAsync(app);

        var staffPage = await Forms.TextAsync(await director.GetAsync($"{Staff}/structures/{facility.Id}"));
        var list = await Forms.TextAsync(await family.GetAsync($"{Family}/creneaux?enfant={childId}"));
        var book = await Forms.TextAsync(await family.GetAsync(BookUrl(slotId, childId)));

        Assert.Contains("mercredi 25 novembre 2026", staffPage);
        Assert.Contains("0 réservée(s) sur 2", staffPage);
        Assert.Contains(facility.Name, list);
        // 36,000 €/yr → 3,000 €/month × 0.0619 % = 1.857 → 1.86 €/h; 8:30–12:00 = 3.5 h; 1.86 × 3.5 = 6.51 €.
        Assert.Contains("6,51 €", list);
        Assert.Contains("1,86 € de l’heure", book);
        Assert.Contains("6,51 €", book);
        Assert.Contains("3,5 h", book);
        Assert.Equal([OccasionalAudit.Published], (await app.OccasionalAuditAsync(OccasionalAudit.SlotEntity, slotId.ToString())).Select(a => a.Action));
    }

    [Fact]
    public async Task Slots_AreListedOnlyForTheChildsCommuneAndAge_AndFilteredByDayAndFacility()
    {
        var facility = await CrecheAsync(app);
        var other = await CrecheAsync(app, OtherCommune);
        using var director = await DirectorAsync(app, facility);
        using var otherDirector = await DirectorAsync(app, other);
        await PublishAsync(app, director, facility, Wednesday);
        await PublishAsync(app, director, facility, Wednesday.AddDays(1), "13:30", "17:30", halfDay: "Afternoon");
        await PublishAsync(app, otherDirector, other, Wednesday);
        var (family, _, _, childId) = await FamilyAsync(app);
        var (baby, _, _, babyId) = await FamilyAsync(app, birth: "2026-09-01");

        var all = await Forms.TextAsync(await family.GetAsync($"{Family}/creneaux?enfant={childId}&structure={facility.Id}"));
        var oneDay = await Forms.TextAsync(await family.GetAsync($"{Family}/creneaux?enfant={childId}&structure={facility.Id}&jour=2026-11-26"));
        var tooYoung = await Forms.TextAsync(await baby.GetAsync($"{Family}/creneaux?enfant={babyId}"));
        var badFilter = await Forms.TextAsync(await family.GetAsync($"{Family}/creneaux?enfant={childId}&jour=demain"));

        Assert.Contains("mercredi 25 novembre 2026", all);
        Assert.Contains("jeudi 26 novembre 2026", all);
        Assert.DoesNotContain(other.Name, await Forms.TextAsync(await family.GetAsync($"{Family}/creneaux?enfant={childId}")));
        Assert.DoesNotContain("mercredi 25 novembre 2026", oneDay);
        Assert.Contains("jeudi 26 novembre 2026", oneDay);
        Assert.DoesNotContain(facility.Name + "</td>", tooYoung);
        Assert.Single(Forms.ErrorSummary(badFilter));
    }

    [Fact]
    public async Task Publish_WithBadInput_NamesEachField_AndPublishesNothing()
    {
        var facility = await CrecheAsync(app);
        using var director = await DirectorAsync(app, facility);

        using var empty = await Forms.PostFormAsync(director, $"{Staff}/structures/{facility.Id}/publier");
        using var wrong = await Forms.PostFormAsync(director, $"{Staff}/structures/{facility.Id}/publier",
            ("Input.SectionId", facility.Sections[0].Id.ToString()), ("Input.Day", "2026-11-28"), ("Input.HalfDay", "Morning"),
            ("Input.StartsAt", "12:00"), ("Input.EndsAt", "9:00"), ("Input.Places", "13"), ("Input.Origin", "FreeSeat"));
        using var afternoonAtNine = await Forms.PostFormAsync(director, $"{Staff}/structures/{facility.Id}/publier",
            SlotForm(facility, Wednesday, "09:00", "17:00", halfDay: "Afternoon"));
        using var past = await Forms.PostFormAsync(director, $"{Staff}/structures/{facility.Id}/publier", SlotForm(facility, new DateOnly(2026, 11, 20)));
        var emptyErrors = Forms.ErrorSummary(await Forms.TextAsync(empty));
        var wrongErrors = Forms.ErrorSummary(await Forms.TextAsync(wrong));

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal(7, emptyErrors.Count);
        Assert.Contains("Choisissez la section où les places sont libres.", emptyErrors);
        // Saturday 28: closed; 12:00 → 9:00: end before start; 13 places in a section of 12.
        Assert.Contains("La structure est fermée ce jour-là : choisissez un jour d’ouverture.", wrongErrors);
        Assert.Contains("L’heure de fin doit être après l’heure de début.", wrongErrors);
        Assert.Contains("La valeur doit être comprise entre 1 et 12.", wrongErrors);
        Assert.StartsWith("Une demi-journée du matin finit à 13h00", Assert.Single(Forms.ErrorSummary(await Forms.TextAsync(afternoonAtNine))), StringComparison.Ordinal);
        Assert.Contains("Choisissez un jour entre aujourd’hui", Assert.Single(Forms.ErrorSummary(await Forms.TextAsync(past))));
        Assert.False(await app.WithDbAsync(db => db.OccasionalSlots.AnyAsync(s => s.FacilityId == facility.Id)));
    }

    [Fact]
    public async Task Publish_ForAFacilityWithoutOccasionalCare_IsRefused()
    {
        var facility = await CrecheAsync(app, occasional: false);
        using var director = await DirectorAsync(app, facility);

        using var response = await Forms.PostFormAsync(director, $"{Staff}/structures/{facility.Id}/publier", SlotForm(facility, Wednesday));

        Assert.Contains("ne propose pas d’accueil occasionnel", Assert.Single(Forms.ErrorSummary(await Forms.TextAsync(response))));
        Assert.False(await app.WithDbAsync(db => db.OccasionalSlots.AnyAsync(s => s.FacilityId == facility.Id)));
    }

    [Fact]
    public async Task Withdraw_ASlotNobodyBooked_WithdrawsIt_ButABookedSlotStays()
    {
        var facility = await CrecheAsync(app);
        using var director = await DirectorAsync(app, facility);
        var free = await PublishAsync(app, director, facility, Wednesday);
        var booked = await PublishAsync(app, director, facility, Wednesday, "13:30", "17:30", halfDay: "Afternoon");
        var (family, _, _, childId) = await FamilyAsync(app);
        using var _ = await BookAsync(family, booked, childId);
        var page = $"{Staff}/structures/{facility.Id}";

        using var withdrawn = await Forms.PostFormToAsync(director, page, $"{page}?handler=Withdraw&slotId={free}", []);
        using var refused = await Forms.PostFormToAsync(director, page, $"{page}?handler=Withdraw&slotId={booked}", []);

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.NotNull((await SlotAsync(app, free)).WithdrawnAt);
        Assert.Contains("ne peut plus être retiré", Assert.Single(Forms.ErrorSummary(await Forms.TextAsync(refused))));
        Assert.Null((await SlotAsync(app, booked)).WithdrawnAt);
        var list = await Forms.TextAsync(await family.GetAsync($"{Family}/creneaux?enfant={childId}&jour=2026-11-25"));
        Assert.DoesNotContain($"/creneaux/{free}/reserver", list);
        Assert.Contains($"/creneaux/{booked}/reserver", list);
    }

    [Fact]
    public async Task Register_WithBadInput_NamesEachField_AndRegistersNothing()
    {
        await CrecheAsync(app);
        var (family, _, userId) = await Accounts.SignInAsNewFamilyAsync(app);

        using var response = await Forms.PostFormAsync(family, $"{Family}/inscrire",
            ("Input.CommuneCode", "99999"), ("Input.ChildBirthDate", "2019-01-01"), ("Input.AnnualResources", "beaucoup"),
            ("Input.ChildrenInHousehold", "0"), ("Input.Consent", "false"));
        var errors = Forms.ErrorSummary(await Forms.TextAsync(response));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(7, errors.Count);
        Assert.Contains("Choisissez la commune où vous cherchez un accueil occasionnel.", errors);
        Assert.Contains("Saisissez la date de naissance d’un enfant de moins de 6 ans, par exemple 15/03/2025.", errors);
        Assert.Contains("Saisissez un nombre.", errors);
        Assert.Contains(errors, e => e.StartsWith("Cochez la case pour accepter", StringComparison.Ordinal));
        Assert.False(await app.WithDbAsync(db => db.OccasionalChildren.AnyAsync(c => c.FamilyUserId == userId)));
    }

    [Fact]
    public async Task File_CheckedByTheGuichet_LetsTheFamilyBook_AndAnIncompleteOneCannot()
    {
        var facility = await CrecheAsync(app);
        using var director = await DirectorAsync(app, facility);
        var slotId = await PublishAsync(app, director, facility, Wednesday);
        var (family, email, _, childId) = await FamilyAsync(app, complete: false);
        using var agent = await app.SignedInAsync(Domain.Access.Roles.Agent, commune: Commune);
        var file = $"{Staff}/dossiers/{childId}";

        var files = await Forms.TextAsync(await agent.GetAsync($"{Staff}/dossiers"));
        using var pending = await BookAsync(family, slotId, childId);
        using var noReason = await Forms.PostFormAsync(agent, file, ("Input.Version", "0"), ("Input.Decision", "incomplete"));
        using var incomplete = await Forms.PostFormAsync(agent, file, ("Input.Version", "0"), ("Input.Decision", "incomplete"), ("Input.Note", "Avis d’imposition manquant"));
        var familyHome = await Forms.TextAsync(await family.GetAsync(Family));
        using var complete = await Forms.PostFormAsync(agent, file, ("Input.Version", "1"), ("Input.Decision", "complete"));
        using var booked = await BookAsync(family, slotId, childId);

        Assert.Contains($"{Staff}/dossiers/{childId}", files);
        Assert.Contains("pas encore complet", Assert.Single(Forms.ErrorSummary(await Forms.TextAsync(pending))));
        Assert.Contains("Écrivez ce qui manque au dossier", Assert.Single(Forms.ErrorSummary(await Forms.TextAsync(noReason))));
        Assert.Equal(HttpStatusCode.Redirect, incomplete.StatusCode);
        Assert.Contains("Avis d’imposition manquant", familyHome);
        Assert.Equal(HttpStatusCode.Redirect, complete.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        Assert.Contains(await Mail.ReceivedAsync(app, email), m => m.Contains("Votre dossier d’accueil occasionnel est complet", StringComparison.Ordinal)
            || m.Contains("dossier d’accueil occasionnel de Léa est complet", StringComparison.Ordinal));
        // Each form is read (audited) before it is posted: the refused post, the incomplete one, the complete one.
        Assert.Equal([OccasionalAudit.Registered, "lecture", "lecture", OccasionalAudit.Incomplete, "lecture", OccasionalAudit.Complete],
            (await app.OccasionalAuditAsync(OccasionalAudit.ChildEntity, childId.ToString())).Select(a => a.Action));
    }

    [Fact]
    public async Task Book_RecordsThePriceShown_TellsTheFamily_AndTheDirectorSeesTheChildOnTheDay()
    {
        var facility = await CrecheAsync(app);
        using var director = await DirectorAsync(app, facility);
        var slotId = await PublishAsync(app, director, facility, Wednesday);
        var (family, email, userId, childId) = await FamilyAsync(app);

        using var booked = await BookAsync(family, slotId, childId);
        using var twice = await BookAsync(family, slotId, childId);
        var bookingId = IdFrom(booked);
        var page = await Forms.TextAsync(await family.GetAsync($"{Family}/reservations/{bookingId}"));
        var day = await Forms.TextAsync(await director.GetAsync($"{Staff}/structures/{facility.Id}/jour?date=2026-11-25"));
        var otherDay = await Forms.TextAsync(await director.GetAsync($"{Staff}/structures/{facility.Id}/jour"));
        var booking = await app.WithDbAsync(db => db.OccasionalBookings.AsNoTracking().SingleAsync(b => b.Id == bookingId));

        Assert.Equal((3.5m, 1.86m, 6.51m, BookingStatus.Confirmed, userId), (booking.Hours, booking.HourlyFee, booking.Price, booking.Status, booking.FamilyUserId));
        Assert.Equal(1, (await SlotAsync(app, slotId)).Booked);
        Assert.Contains("Vous avez déjà réservé ce créneau", Assert.Single(Forms.ErrorSummary(await Forms.TextAsync(twice))));
        Assert.Contains("Confirmée", page);
        Assert.Contains("Léa Occasionnelle", day);
        Assert.Contains("20 mois", day);
        Assert.DoesNotContain("Léa Occasionnelle", otherDay);
        Assert.Contains(await Mail.ReceivedAsync(app, email), m => m.Contains($"{Family}/reservations/{bookingId}", StringComparison.Ordinal));
        Assert.Contains(OccasionalAudit.DayRead, await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == $"{facility.Id}/2026-11-25").Select(a => a.EntityType).ToListAsync()));
    }

    [Fact]
    public async Task Book_AtAPriceThatChangedSinceThePageWasShown_BooksNothing_AndShowsTheNewPrice()
    {
        var facility = await CrecheAsync(app);
        using var director = await DirectorAsync(app, facility);
        var slotId = await PublishAsync(app, director, facility, Wednesday);
        var (family, _, _, childId) = await FamilyAsync(app);

        using var response = await Forms.PostFormAsync(family, BookUrl(slotId, childId), ("ShownPrice", "1.00"));

        Assert.Contains("il est maintenant de 6,51 €", Assert.Single(Forms.ErrorSummary(await Forms.TextAsync(response))));
        Assert.Equal(0, (await SlotAsync(app, slotId)).Booked);
    }

    [Fact]
    public async Task Cancel_BeforeTheDeadline_IsFree_AndAfterIt_StaysBilled_AndTheStatementTotalsWhatIsBilled()
    {
        var facility = await CrecheAsync(app);
        using var director = await DirectorAsync(app, facility);
        // Tomorrow 8:30 in Paris is 22.5 h away: past the 24 h deadline. Wednesday is 2 days away.
        var soon = await PublishAsync(app, director, facility, Tomorrow);
        var later = await PublishAsync(app, director, facility, Wednesday);
        var kept = await PublishAsync(app, director, facility, Wednesday, "13:00", "18:00", halfDay: "Afternoon");
        var (family, _, _, childId) = await FamilyAsync(app, resources: "60000");
        var lateBooking = IdFrom(await BookAsync(family, soon, childId));
        var freeBooking = IdFrom(await BookAsync(family, later, childId));
        var keptBooking = IdFrom(await BookAsync(family, kept, childId));

        var warning = await Forms.TextAsync(await family.GetAsync($"{Family}/reservations/{lateBooking}"));
        using var late = await Forms.PostFormToAsync(family, $"{Family}/reservations/{lateBooking}", $"{Family}/reservations/{lateBooking}?handler=Cancel", [KeyValuePair.Create("Version", "0")]);
        using var free = await Forms.PostFormToAsync(family, $"{Family}/reservations/{freeBooking}", $"{Family}/reservations/{freeBooking}?handler=Cancel", [KeyValuePair.Create("Version", "0")]);
        using var again = await Forms.PostFormToAsync(family, $"{Family}/reservations/{freeBooking}", $"{Family}/reservations/{freeBooking}?handler=Cancel", [KeyValuePair.Create("Version", "1")]);
        var statement = await Forms.TextAsync(await family.GetAsync($"{Family}/releve?mois=2026-11"));
        var csv = await (await family.GetAsync($"{Family}/releve?mois=2026-11&format=csv")).Content.ReadAsStringAsync();
        var badMonth = await Forms.TextAsync(await family.GetAsync($"{Family}/releve?mois=novembre"));

        // 60,000 €/yr → 5,000 €/month × 0.0619 % = 3.095 → 3.10 €/h: 3.5 h = 10.85 €, 5 h = 15.50 €.
        Assert.Contains("la demi-journée reste facturée", warning);
        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, free.StatusCode);
        Assert.Contains("déjà annulée", Assert.Single(Forms.ErrorSummary(await Forms.TextAsync(again))));
        var statuses = await app.WithDbAsync(db => db.OccasionalBookings.Where(b => b.ChildId == childId).ToDictionaryAsync(b => b.Id, b => b.Status));
        Assert.Equal(BookingStatus.CancelledLate, statuses[lateBooking]);
        Assert.Equal(BookingStatus.Cancelled, statuses[freeBooking]);
        Assert.Equal(BookingStatus.Confirmed, statuses[keptBooking]);
        Assert.Equal((0, 0), ((await SlotAsync(app, soon)).Booked, (await SlotAsync(app, later)).Booked));
        Assert.Contains("Total du mois", statement);
        Assert.Contains("26,35 €", statement);
        Assert.Contains("8,5 h", statement);
        var lines = csv.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("date;debut;fin;creche;section;enfant;heures;tarif_horaire;prix;statut;facture", lines[0]);
        Assert.Equal(5, lines.Count);
        Assert.Contains(lines, l => l.StartsWith("2026-11-25;08:30;12:00;", StringComparison.Ordinal) && l.EndsWith(";10.85;Annulée sans frais;0.00", StringComparison.Ordinal));
        Assert.Equal("total;;;;;;8.5;;;;26.35", lines[^1]);
        Assert.Single(Forms.ErrorSummary(badMonth));
    }

    [Fact]
    public async Task Alerts_OptedIn_TellTheFamilyByEmailAndInItsAccount_WhenAMatchingSlotOpens()
    {
        var facility = await CrecheAsync(app);
        using var director = await DirectorAsync(app, facility);
        var (family, email, userId, childId) = await FamilyAsync(app);
        var (_, otherEmail, _, _) = await FamilyAsync(app);
        var alerts = $"{Family}/enfants/{childId}/alertes";

        using var bad = await Forms.PostFormAsync(family, alerts, ("Input.Alerts", "true"), ("Input.FacilityId", Guid.NewGuid().ToString()), ("Input.Days", "Funday"));
        using var saved = await Forms.PostFormAsync(family, alerts, ("Input.Alerts", "true"), ("Input.FacilityId", facility.Id.ToString()), ("Input.Days", "Wednesday"));
        await PublishAsync(app, director, facility, Wednesday.AddDays(1));
        var slotId = await PublishAsync(app, director, facility, Wednesday);

        Assert.Equal(2, Forms.ErrorSummary(await Forms.TextAsync(bad)).Count);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var mails = await Mail.ReceivedAsync(app, email);
        Assert.Single(mails, m => m.Contains("vient d’ouvrir pour Léa", StringComparison.Ordinal));
        Assert.Contains(mails, m => m.Contains("mercredi 25 novembre 2026", StringComparison.Ordinal));
        Assert.DoesNotContain(await Mail.ReceivedAsync(app, otherEmail), m => m.Contains("vient d’ouvrir pour Léa", StringComparison.Ordinal));
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == userId && n.Kind == OccasionalEmails.SlotOpenedKind)));
        Assert.True(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.IdempotencyKey == $"{OccasionalEmails.SlotOpenedKind}:{slotId}:{childId}")));
    }
}
