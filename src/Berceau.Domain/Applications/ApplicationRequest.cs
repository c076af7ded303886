using Berceau.Domain.Offer;

namespace Berceau.Domain.Applications;

/// <summary>A parent's situation, as the points grid of the commune asks it (issue 5: employed, training, job seeker, insertion, other).</summary>
public enum GuardianSituation { Employed, Training, JobSeeker, Insertion, Other }

public sealed record GuardianInput(string? FirstName, string? LastName, GuardianSituation? Situation);

/// <summary>
/// The child: born (<see cref="BirthDate"/>) or expected (<see cref="ExpectedBirthDate"/>), exactly one of the two.
/// The first name may be unknown before birth.
/// </summary>
public sealed record ChildInput(string? FirstName, string? LastName, DateOnly? BirthDate, DateOnly? ExpectedBirthDate);

/// <summary>One ranked wish: a crèche of the commune, or "any crèche of my sector" (<see cref="FacilityId"/> null).</summary>
public sealed record WishInput(FacilityId? FacilityId);

/// <summary>What a family (or an agent at the counter) submits, already parsed from the form's text.</summary>
public sealed record ApplicationRequest
{
    public required ChildInput Child { get; init; }
    public IReadOnlyList<GuardianInput> Guardians { get; init; } = [];
    public int ChildrenInHousehold { get; init; } = 1;
    public bool DisabledMemberInHousehold { get; init; }
    /// <summary>A member of the household receives a minimum social benefit (RSA, AAH, ASS…): the poverty reserve.</summary>
    public bool ReceivesSocialMinimum { get; init; }
    public decimal? AnnualResources { get; init; }
    public string? CafNumber { get; init; }
    /// <summary>Euros a month, from the CAF attestation; null when not given (the grid then gives no points for it).</summary>
    public decimal? QuotientFamilial { get; init; }
    public bool SocialSupport { get; init; }
    /// <summary>Crèches of the commune where a brother or sister is already accommodated.</summary>
    public IReadOnlyList<FacilityId> SiblingFacilities { get; init; } = [];
    /// <summary>Crèches whose partner employer employs a parent.</summary>
    public IReadOnlyList<FacilityId> PartnerEmployerFacilities { get; init; } = [];
    public DateOnly? DesiredStart { get; init; }
    public WeekDays Days { get; init; }
    public TimeOnly? From { get; init; }
    public TimeOnly? To { get; init; }
    public IReadOnlyList<WishInput> Wishes { get; init; } = [];
}

/// <summary>What the commune offers to this family's wishes: its crèches in the guichet unique, the family's sector, the limit.</summary>
public sealed record WishChoices(IReadOnlySet<FacilityId> Facilities, Guid? FamilySector, int MaxWishes = WishChoices.DefaultMaxWishes)
{
    public const int DefaultMaxWishes = 6;
}
