using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.OccasionalCare;
using Berceau.Domain.Offer;
using Berceau.Web.Tests.Features.Offer;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Features.OccasionalCare;

/// <summary>Crèches, directors, families and slots built by the occasional-care tests, in their own communes (93045, 93047).</summary>
internal static class OccasionalTestData
{
    /// <summary>Les Lilas: the tests' crèches and families.</summary>
    public const string Commune = "93045";
    /// <summary>Montfermeil: "another commune".</summary>
    public const string OtherCommune = "93047";

    public const string Staff = "/pro/accueil-occasionnel";
    public const string Family = "/famille/accueil-occasionnel";

    /// <summary>Monday 23 November 2026, 10:00 in Paris (the app's clock): Wednesday 25 is two days ahead, Tuesday 24 less than 24 h.</summary>
    public static readonly DateOnly Wednesday = new(2026, 11, 25);
    public static readonly DateOnly Tomorrow = new(2026, 11, 24);
    public static readonly DateOnly Today = new(2026, 11, 23);

    /// <summary>A PSU crèche taking occasional care, open 7:30–18:30 on weekdays, one section of 10 to 36 months (12 places).</summary>
    public static async Task<Facility> CrecheAsync(BerceauApp app, string commune = Commune, bool occasional = true, string prefix = "Crèche AO")
    {
        var facility = OfferTestData.Creche(commune, OfferTestData.UniqueName(prefix), ("Moyens-grands", 10, 36, 12));
        facility.ReceptionTypes = occasional ? ReceptionTypes.Regular | ReceptionTypes.Occasional : ReceptionTypes.Regular;
        facility.OpensAt = new TimeOnly(7, 30);
        facility.ClosesAt = new TimeOnly(18, 30);
        return await app.SaveAsync(facility);
    }

    public static Task<HttpClient> DirectorAsync(BerceauApp app, Facility facility) =>
        app.SignedInAsync(Roles.Director, facility: facility.Id.Value);

    public static (string, string)[] SlotForm(Facility facility, DateOnly day, string start = "08:30", string end = "12:00", int places = 2,
        string halfDay = "Morning") =>
    [
        ("Input.SectionId", facility.Sections[0].Id.ToString()), ("Input.Day", day.ToString("yyyy-MM-dd")), ("Input.HalfDay", halfDay),
        ("Input.StartsAt", start), ("Input.EndsAt", end), ("Input.Places", places.ToString()), ("Input.Origin", "PlannedAbsence"),
        ("Input.Reason", "Congés d’un enfant inscrit"),
    ];

    /// <summary>Publishes through the page and returns the new slot's id.</summary>
    public static async Task<Guid> PublishAsync(BerceauApp app, HttpClient director, Facility facility, DateOnly day, string start = "08:30",
        string end = "12:00", int places = 2, string halfDay = "Morning")
    {
        using var response = await Forms.PostFormAsync(director, $"{Staff}/structures/{facility.Id}/publier", SlotForm(facility, day, start, end, places, halfDay));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Publication refusée : {string.Join(" | ", await Forms.ErrorSummaryAsync(response))}");
        return await app.WithDbAsync(db => db.OccasionalSlots.Where(s => s.FacilityId == facility.Id && s.Day == day)
            .OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.StartsAt).Select(s => s.Id).FirstAsync());
    }

    public static (string, string)[] ChildForm(string commune = Commune, string birth = "2025-03-15", string resources = "36000", string children = "1") =>
    [
        ("Input.CommuneCode", commune), ("Input.ChildFirstName", "Léa"), ("Input.ChildLastName", "Occasionnelle"),
        ("Input.ChildBirthDate", birth), ("Input.AnnualResources", resources), ("Input.ChildrenInHousehold", children),
        ("Input.DisabledChildInHousehold", "false"), ("Input.Consent", "true"),
    ];

    /// <summary>A new family, signed in, with a child registered through the page; its file marked complete unless asked not to.</summary>
    public static async Task<(HttpClient Client, string Email, string UserId, Guid ChildId)> FamilyAsync(BerceauApp app, bool complete = true,
        string commune = Commune, string birth = "2025-03-15", string resources = "36000")
    {
        var (client, email, userId) = await Accounts.SignInAsNewFamilyAsync(app);
        using var response = await Forms.PostFormAsync(client, $"{Family}/inscrire", ChildForm(commune, birth, resources));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Inscription refusée : {string.Join(" | ", await Forms.ErrorSummaryAsync(response))}");
        var childId = await app.WithDbAsync(db => db.OccasionalChildren.Where(c => c.FamilyUserId == userId).Select(c => c.Id).SingleAsync());
        if (complete)
        {
            await app.WithDbAsync(async db =>
            {
                var child = await db.OccasionalChildren.SingleAsync(c => c.Id == childId);
                child.MarkComplete("test", BerceauApp.Now);
                return await db.SaveChangesAsync();
            });
        }
        return (client, email, userId, childId);
    }

    public static string BookUrl(Guid slotId, Guid childId) => $"{Family}/creneaux/{slotId}/reserver?enfant={childId}";

    /// <summary>Opens the booking page (the price shown) and confirms at that price.</summary>
    public static async Task<HttpResponseMessage> BookAsync(HttpClient family, Guid slotId, Guid childId)
    {
        var html = await Forms.TextAsync(await family.GetAsync(BookUrl(slotId, childId)));
        var price = Forms.HiddenValue(html, "ShownPrice") ?? "";
        return await Forms.PostFormAsync(family, BookUrl(slotId, childId), ("ShownPrice", price));
    }

    public static Guid IdFrom(HttpResponseMessage redirect) => Guid.Parse(redirect.Headers.Location!.OriginalString.Split('/')[^1].Split('?')[0]);

    public static Task<List<Domain.Audit.AuditEntry>> OccasionalAuditAsync(this BerceauApp app, string entityType, string entityId) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == entityType && a.EntityId == entityId).OrderBy(a => a.Id).ToListAsync());

    public static Task<OccasionalSlot> SlotAsync(BerceauApp app, Guid id) =>
        app.WithDbAsync(db => db.OccasionalSlots.AsNoTracking().SingleAsync(s => s.Id == id));
}
