using Berceau.Domain.Commission;

namespace Berceau.Web.Features.Decisions.Api;

/// <summary>
/// A place offer (proposition de place) as the API returns it: where (crèche, section, seat number in the session), from when,
/// until when the family may answer, where it stands. <see cref="Open"/> says the family may still accept or refuse it.
/// <see cref="Reason"/> is the family's reason for a refusal or the guichet's for a withdrawal.
/// </summary>
public sealed record OfferResource(
    Guid Id,
    Guid ApplicationId,
    string ApplicationReference,
    Guid SessionId,
    Guid FacilityId,
    string Facility,
    Guid SectionId,
    string Section,
    int Seat,
    int Round,
    string Status,
    string StatusLabel,
    DateOnly? AvailableOn,
    DateOnly Deadline,
    bool Open,
    DateTimeOffset OfferedAt,
    DateTimeOffset? AnsweredAt,
    string? Reason);

public sealed record OfferListPage(int Total, int Page, int PageSize, IReadOnlyList<OfferResource> Items);

/// <summary>The body of POST /api/v1/propositions/{id}/reponse: the same names and values as the decision page's form.</summary>
public sealed record OfferAnswerInput
{
    /// <summary><see cref="OfferActions.Accept"/> (« accepter ») or <see cref="OfferActions.Refuse"/> (« refuser »).</summary>
    public string? Choice { get; init; }
    /// <summary>Why the family refuses, optional (500 characters at most).</summary>
    public string? Reason { get; init; }
}

/// <summary>The French values of the « statut » filter, one per <see cref="OfferStatus"/>.</summary>
public static class OfferStatusCodes
{
    public static IReadOnlyList<(string Code, OfferStatus Status)> All { get; } =
    [
        ("proposee", OfferStatus.Proposed), ("acceptee", OfferStatus.Accepted), ("refusee", OfferStatus.Refused),
        ("expiree", OfferStatus.Expired), ("retiree", OfferStatus.Withdrawn),
    ];

    public static OfferStatus? Parse(string code) =>
        All.FirstOrDefault(s => string.Equals(s.Code, code.Trim(), StringComparison.OrdinalIgnoreCase)) is { Code: not null } found ? found.Status : null;
}
