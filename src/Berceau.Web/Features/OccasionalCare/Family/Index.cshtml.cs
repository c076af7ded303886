using Berceau.Domain.OccasionalCare;
using Microsoft.AspNetCore.Mvc;

namespace Berceau.Web.Features.OccasionalCare.Family;

/// <summary>The family's occasional care: its children's files, its bookings to come, the way to book and to read its statement.</summary>
public sealed class IndexModel(OccasionalQueries queries) : FamilyPage
{
    public IReadOnlyList<OccasionalChild> Children { get; private set; } = [];
    public IReadOnlyList<BookingRow> Upcoming { get; private set; } = [];
    public string? Message => TempData[MessageKey] as string;
    public const string MessageKey = "occasional-family-message";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Children = await queries.FamilyChildrenAsync(FamilyUserId, ct);
        Upcoming = [.. (await queries.FamilyBookingsAsync(FamilyUserId, queries.Today, queries.Today.AddYears(1), ct))
            .Where(r => r.Booking.Status == BookingStatus.Confirmed)];
        return Page();
    }
}
