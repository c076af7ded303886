using System.Net;
using Berceau.Domain.OccasionalCare;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.OccasionalCare.OccasionalTestData;

namespace Berceau.Web.Tests.Features.OccasionalCare;

/// <summary>
/// Two families take the last place of a slot at the same instant, through the real app (parallel HTTP requests): exactly one
/// booking is confirmed, the other family reads a clear French message, the slot is never overbooked. Run on SQLite and PostgreSQL.
/// </summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public sealed class OccasionalConcurrencyTests(BerceauApp app)
{
    private const int Rounds = 5;

    [Fact]
    public async Task TheLastPlace_BookedByTwoFamiliesAtOnce_GoesToExactlyOne_AndTheOtherIsToldInFrench()
    {
        var facility = await CrecheAsync(app);
        using var director = await DirectorAsync(app, facility);
        var first = await FamilyAsync(app);
        var second = await FamilyAsync(app);

        for (var round = 0; round < Rounds; round++)
        {
            // One place, published a quarter of an hour apart each round (same day, same section).
            var start = new TimeOnly(8, 0).AddMinutes(15 * round);
            var slotId = await PublishAsync(app, director, facility, Wednesday, start.ToString("HH:mm"), "12:00", places: 1);
            var forms = await Task.WhenAll(PreparedAsync(first.Client, slotId, first.ChildId), PreparedAsync(second.Client, slotId, second.ChildId));

            var responses = await Task.WhenAll(forms.Select(f => f.Client.PostAsync(BookUrl(slotId, f.ChildId), f.Content)));

            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
            var loser = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.Redirect);
            Assert.Equal(HttpStatusCode.OK, loser.StatusCode);
            Assert.Equal(
                "Désolé, la dernière place de ce créneau vient d’être réservée par une autre famille. Rien n’a été réservé pour vous : choisissez un autre créneau.",
                Assert.Single(Forms.ErrorSummary(await Forms.TextAsync(loser))));
            Assert.Equal(1, (await SlotAsync(app, slotId)).Booked);
            Assert.Equal(1, await app.WithDbAsync(db => db.OccasionalBookings.CountAsync(b => b.SlotId == slotId && b.Status == BookingStatus.Confirmed)));
            foreach (var r in responses) r.Dispose();
        }
    }

    [Fact]
    public async Task TheSameChild_BookingTwiceAtOnce_HoldsOnePlace()
    {
        var facility = await CrecheAsync(app);
        using var director = await DirectorAsync(app, facility);
        var family = await FamilyAsync(app);
        var slotId = await PublishAsync(app, director, facility, Wednesday, places: 3);
        var forms = await Task.WhenAll(PreparedAsync(family.Client, slotId, family.ChildId), PreparedAsync(family.Client, slotId, family.ChildId));

        var responses = await Task.WhenAll(forms.Select(f => f.Client.PostAsync(BookUrl(slotId, f.ChildId), f.Content)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.Equal(1, (await SlotAsync(app, slotId)).Booked);
        Assert.Equal(1, await app.WithDbAsync(db => db.OccasionalBookings.CountAsync(b => b.SlotId == slotId)));
    }

    /// <summary>The booking form as the family's browser holds it after showing the page: its anti-forgery token and the price shown.</summary>
    private static async Task<(HttpClient Client, Guid ChildId, FormUrlEncodedContent Content)> PreparedAsync(HttpClient client, Guid slotId, Guid childId)
    {
        var html = await Forms.TextAsync(await client.GetAsync(BookUrl(slotId, childId)));
        var content = new FormUrlEncodedContent(
        [
            KeyValuePair.Create("ShownPrice", Forms.HiddenValue(html, "ShownPrice") ?? ""),
            KeyValuePair.Create("__RequestVerificationToken", Forms.AntiforgeryToken(html) ?? ""),
        ]);
        return (client, childId, content);
    }
}
