using Berceau.Domain.Governance;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Features.Schema.Governance;

namespace Berceau.Web.Features.Schema.Staff.Governance;

internal static class MeetingForm
{
    /// <summary>The form of an existing meeting, as stored.</summary>
    public static GovernanceMeetingInput From(GovernanceMeeting m) => new()
    {
        Version = m.Version, Date = InputReader.Format(m.Date), StartsAt = InputReader.Format(m.StartsAt), EndsAt = InputReader.Format(m.EndsAt),
        Place = m.Place, VideoLink = m.VideoLink, Agenda = string.Join("\n", m.Agenda.OrderBy(a => a.Position).Select(a => a.Title)),
    };
}
