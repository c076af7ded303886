using Berceau.Domain.Applications;

namespace Berceau.Web.Features.Applications.Api;

/// <summary>
/// What the API returns about an application. Field names are those of the form and of the domain (docs/glossary.md),
/// the same as in the POST body, so that a client reads back what it wrote (numbers as JSON numbers, as they are sent:
/// <see cref="ChildrenInHousehold"/>, <see cref="AnnualResources"/> in euros of year N-2, <see cref="QuotientFamilial"/>
/// in euros a month); labels are French. The grid's answers
/// (<see cref="QuotientFamilial"/>, <see cref="SocialSupport"/>, <see cref="SiblingFacilities"/>,
/// <see cref="PartnerEmployerFacilities"/>) are those the commune's grid asks; the others are not kept.
/// </summary>
public sealed record ApplicationResource(
    Guid Id,
    string Reference,
    string Status,
    string StatusLabel,
    string CommuneCode,
    ChildResource Child,
    IReadOnlyList<WishResource> Wishes,
    int ChildrenInHousehold,
    decimal? AnnualResources,
    bool ReceivesSocialMinimum,
    decimal? QuotientFamilial,
    bool SocialSupport,
    IReadOnlyList<Guid> SiblingFacilities,
    IReadOnlyList<Guid> PartnerEmployerFacilities,
    DateOnly? DesiredStart,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt,
    DateOnly? ConfirmationDueOn,
    IReadOnlyList<StatusChangeResource> History)
{
    public static ApplicationResource From(Application a) => new(
        a.Id.Value, a.Reference, a.Status.ToString(), a.Status.Label(), a.CommuneCode,
        new ChildResource(a.ChildFirstName, a.ChildLastName, a.ChildBirthDate, a.ChildExpectedBirthDate),
        [.. a.RankedWishes.Select(w => new WishResource(w.Rank, w.FacilityId?.Value))],
        a.ChildrenInHousehold, a.AnnualResources, a.ReceivesSocialMinimum,
        a.QuotientFamilial, a.SocialSupport, [.. a.SiblingFacilities.Select(f => f.Value)], [.. a.PartnerEmployerFacilities.Select(f => f.Value)],
        a.DesiredStart, a.CreatedAt, a.SubmittedAt, a.ConfirmationDueOn,
        // Who made each change is not given: for a family it would be an account id, not a name.
        [.. ApplicationStatusHistory.InTimeOrder(a.StatusChanges).Select(c => new StatusChangeResource(c.From.ToString(), c.To.ToString(), c.To.Label(), c.At, c.Reason))]);
}

public sealed record ChildResource(string? FirstName, string? LastName, DateOnly? BirthDate, DateOnly? ExpectedBirthDate);

/// <summary>A ranked wish; <see cref="FacilityId"/> null means "any crèche of my sector".</summary>
public sealed record WishResource(int Rank, Guid? FacilityId);

public sealed record StatusChangeResource(string From, string To, string ToLabel, DateTimeOffset At, string? Reason);

/// <summary>One line of a list: enough to find the application, not the whole file.</summary>
public sealed record ApplicationListItem(Guid Id, string Reference, string Status, string StatusLabel, string CommuneCode,
    string? ChildFirstName, string? ChildLastName, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt);

public sealed record ApplicationListPage(int Total, int Page, int PageSize, IReadOnlyList<ApplicationListItem> Items);

/// <summary>The token to send back in the <see cref="HeaderName"/> header of every POST (see docs/architecture.md, CSRF).</summary>
public sealed record AntiforgeryTokenResource(string HeaderName, string Token);
