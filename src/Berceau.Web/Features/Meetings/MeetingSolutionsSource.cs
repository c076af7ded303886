using Berceau.Data;
using Berceau.Domain.Meetings;
using Berceau.Web.Features.FollowUp.Solutions;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Meetings;

/// <summary>
/// The « solutions » letter's section of the next information meetings for parents in the family's commune: where the
/// relais explains every mode of care and helps find one. Full meetings are left out: the family could not register.
/// </summary>
public sealed class MeetingSolutionsSource(BerceauDbContext db) : ISolutionsSource
{
    public const string Heading = "Prochaines réunions d’information";
    public const int Order = 60;
    public const int MaxItems = 3;

    public async Task<SolutionsSection?> FindAsync(SolutionsNeed need, CancellationToken ct)
    {
        var commune = need.Application.CommuneCode;
        var today = need.Today;
        var meetings = await db.InfoMeetings.AsNoTracking()
            .Where(m => m.CommuneCode == commune && m.Status == MeetingStatus.Published && m.Date >= today
                && m.Audience != MeetingAudience.Professionals && m.SeatsTaken < m.Capacity)
            .OrderBy(m => m.Date).ThenBy(m => m.StartsAt).Take(MaxItems).ToListAsync(ct);
        if (meetings.Count == 0) return null;
        return new SolutionsSection(Heading, Order,
            [.. meetings.Select(m => new SolutionItem(m.Title, $"{m.Kind.Label()}, {MeetingText.When(m)}, {MeetingText.Where(m)}", $"{MeetingsFeature.PublicPath}/{m.Id}"))],
            "L’inscription est gratuite ; le relais petite enfance y présente tous les modes d’accueil et vous aide dans vos démarches.");
    }
}
