namespace Berceau.Web.Features.Applications.Family;

/// <summary>
/// What the application form posts, as typed (text, so that what the family typed is shown back and every message is
/// French). Property names and nesting follow <see cref="Domain.Applications.ApplicationRequest"/>, so that a problem
/// found by the domain on "Guardians[1].Situation" lands on the field of the same name; their order is the form's, so
/// that the error summary lists problems from the top of the page down.
/// </summary>
public sealed record ApplicationInput : IGridAnswersInput
{
    /// <summary>The version the family started from: a change made meanwhile (other tab, the guichet) is detected.</summary>
    public int Version { get; set; }
    /// <summary>Drawn when the new form is shown: posting the same form twice creates one application.</summary>
    public Guid? CreationKey { get; set; }
    public string? CommuneCode { get; set; }
    public string? Street { get; set; }
    public string? PostalCode { get; set; }
    /// <summary>A sector of the commune, or empty when the family does not know or the commune has none.</summary>
    public string? SectorId { get; set; }
    public ChildFields Child { get; set; } = new();
    public List<GuardianFields> Guardians { get; set; } = [];
    /// <summary>Text on the form; a JSON whole number in the API (<see cref="Api.WholeNumberConverter"/>), as the API returns it.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(Api.WholeNumberConverter))]
    public string? ChildrenInHousehold { get; set; }
    public bool DisabledMemberInHousehold { get; set; }
    /// <summary>A member of the household receives a minimum social benefit (RSA, AAH, ASS…): always asked (the poverty reserve).</summary>
    public bool ReceivesSocialMinimum { get; set; }
    /// <summary>Resources of year N-2 in euros, as on the tax notice; a JSON number in the API, like the quotient.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(Api.AmountInEurosConverter))]
    public string? AnnualResources { get; set; }
    public string? CafNumber { get; set; }
    /// <summary>
    /// Euros a month, as on the CAF attestation; asked only when the commune's grid rewards it (as are the next three).
    /// Text on the form; a JSON number in the API (<see cref="Api.AmountInEurosConverter"/>), as the API returns it.
    /// </summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(Api.AmountInEurosConverter))]
    public string? QuotientFamilial { get; set; }
    public bool SocialSupport { get; set; }
    /// <summary>Ids of the commune's crèches where a brother or sister is already accommodated.</summary>
    public List<string> SiblingFacilities { get; set; } = [];
    /// <summary>Ids of the commune's crèches whose partner employer employs a parent.</summary>
    public List<string> PartnerEmployerFacilities { get; set; } = [];
    public string? DesiredStart { get; set; }
    public List<string> Days { get; set; } = [];
    public string? From { get; set; }
    public string? To { get; set; }
    /// <summary>One entry per choice, in rank order: a facility id, <see cref="ApplicationForm.SectorWish"/>, or empty.</summary>
    public List<string?> Wishes { get; set; } = [];
    public bool Consent { get; set; }
}

/// <summary>
/// The grid's answers as a form posts them: the application form's, and the guichet's correction form's (one partial,
/// <c>_GridAnswersFields</c>, shows them for both, one parser reads them: <see cref="ApplicationForm.GridAnswers"/>).
/// </summary>
public interface IGridAnswersInput
{
    string? QuotientFamilial { get; }
    bool SocialSupport { get; }
    List<string> SiblingFacilities { get; }
    List<string> PartnerEmployerFacilities { get; }
}

public sealed record ChildFields
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? BirthDate { get; set; }
    public string? ExpectedBirthDate { get; set; }
}

public sealed record GuardianFields
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Situation { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(FirstName) && string.IsNullOrWhiteSpace(LastName) && string.IsNullOrWhiteSpace(Situation);
}

/// <summary>The wishes alone, for changing them after submission.</summary>
public sealed record WishesInput
{
    public int Version { get; set; }
    public List<string?> Wishes { get; set; } = [];
}

/// <summary>What <c>_GridAnswersFields</c> shows: the commune's questions and choices, and the answers typed.</summary>
public sealed record GridAnswersSection(ApplicationFormOptions Options, IGridAnswersInput Input);
