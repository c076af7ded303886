using Berceau.Domain.Governance;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Schema.Staff.Governance;

/// <summary>What the governance pages write the same way: choices, tag colours.</summary>
public static class GovernanceDisplay
{
    public static IReadOnlyList<SelectListItem> KindItems { get; } = [.. GovernanceLabels.Kinds.Select(k => new SelectListItem(k.Label(), k.ToString()))];
    public static IReadOnlyList<SelectListItem> RoleItems { get; } = [.. GovernanceLabels.Roles.Select(r => new SelectListItem(r.Label(), r.ToString()))];
    public static IReadOnlyList<SelectListItem> PresenceItems { get; } = [.. GovernanceLabels.Presences.Select(p => new SelectListItem(p.Label(), p.ToString()))];
    public static IReadOnlyList<SelectListItem> StatusItems { get; } = [.. GovernanceLabels.Statuses.Select(s => new SelectListItem(s.Label(), s.ToString()))];

    public static string Colour(GovernanceMeetingStatus status) => status switch
    {
        GovernanceMeetingStatus.Held => "green",
        GovernanceMeetingStatus.Cancelled => "red",
        _ => "blue",
    };

    public static string Colour(FollowUpStatus status, bool overdue) => overdue ? "red" : status switch
    {
        FollowUpStatus.Done => "green",
        FollowUpStatus.InProgress => "blue",
        _ => "grey",
    };

    public static string Size(int bytes) => bytes < 1024 * 1024 ? $"{Math.Max(1, bytes / 1024)} ko" : $"{bytes / 1024.0 / 1024.0:0.#} Mo";
}
