using System.Globalization;
using Berceau.Domain.Applications;
using Berceau.Domain.Common;
using Berceau.Domain.Grid;
using Berceau.Domain.Offer;
using Berceau.Domain.Territories;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Applications.Family;

/// <summary>The form read into the domain's request: every field that does not parse gets its French problem.</summary>
public sealed record ParsedApplication(ApplicationRequest Request, ApplicationAddress Address, bool Consent, IReadOnlyList<Problem> Problems);

/// <summary>The choices the form offers for one commune.</summary>
/// <param name="Questions">The grid's optional questions this commune asks (all of them when it has no grid).</param>
/// <param name="HasGrid">The commune has published a points grid (the form links to it).</param>
public sealed record ApplicationFormOptions(
    Commune Commune,
    IReadOnlyList<SelectListItem> Sectors,
    IReadOnlyList<SelectListItem> Facilities,
    int MaxWishes,
    GridQuestions Questions,
    bool HasGrid)
{
    public IReadOnlyList<SelectListItem> Situations { get; } =
        [.. ApplicationForm.SituationLabels.Select(s => new SelectListItem(s.Label, s.Situation.ToString()))];

    public IReadOnlyList<SelectListItem> Days { get; } =
        [.. FacilityForm.DayLabels.Where(d => WeekDays.Weekdays.HasFlag(d.Day)).Select(d => new SelectListItem(d.Label, d.Day.ToString()))];

    /// <summary>The crèches, and "any crèche of my sector" when the commune has sectors.</summary>
    public IReadOnlyList<SelectListItem> WishItems =>
        Sectors.Count > 0 ? [new SelectListItem("Toute crèche de mon secteur", ApplicationForm.SectorWish), .. Facilities] : Facilities;
}

public static class ApplicationForm
{
    public const string SectorWish = "secteur";
    public const int MaxGuardians = 2;

    public static IReadOnlyList<(GuardianSituation Situation, string Label)> SituationLabels { get; } =
    [
        (GuardianSituation.Employed, "En emploi"), (GuardianSituation.Training, "En formation"),
        (GuardianSituation.JobSeeker, "En recherche d’emploi"), (GuardianSituation.Insertion, "En parcours d’insertion"),
        (GuardianSituation.Other, "Autre situation"),
    ];

    public static string Label(this GuardianSituation situation) => SituationLabels.First(s => s.Situation == situation).Label;

    /// <summary>Problems that stop even a draft from being saved: text that can never become valid, choices not offered.</summary>
    private static readonly HashSet<string> BlockingForDraft =
    [
        "application-name-characters", "application-name-too-long", "application-wish-outside", "application-wish-duplicate",
        "application-wish-no-sector", "application-wishes-too-many", "application-caf-number", "application-resources-range",
        "application-children-count", "application-hours-order", "application-postal-code", "application-sector-outside",
        "application-quotient-range", "application-sibling-outside", "application-partner-outside",
    ];

    public static ApplicationInput Blank(string communeCode, int maxWishes) => Pad(new ApplicationInput
    {
        CreationKey = Guid.NewGuid(),
        CommuneCode = communeCode,
        ChildrenInHousehold = "1",
        Days = [.. FacilityForm.DayLabels.Where(d => WeekDays.Weekdays.HasFlag(d.Day)).Select(d => d.Day.ToString())],
    }, maxWishes);

    public static ApplicationInput From(Application a, int maxWishes) => Pad(new ApplicationInput
    {
        Version = a.Version,
        CommuneCode = a.CommuneCode,
        Street = a.Street,
        PostalCode = a.PostalCode,
        SectorId = a.SectorId?.ToString(),
        Child = new ChildFields
        {
            FirstName = a.ChildFirstName,
            LastName = a.ChildLastName,
            BirthDate = InputReader.Format(a.ChildBirthDate),
            ExpectedBirthDate = InputReader.Format(a.ChildExpectedBirthDate),
        },
        Guardians = [.. a.Guardians.OrderBy(g => g.Rank).Select(g => new GuardianFields { FirstName = g.FirstName, LastName = g.LastName, Situation = g.Situation?.ToString() })],
        ChildrenInHousehold = a.ChildrenInHousehold.ToString(CultureInfo.InvariantCulture),
        DisabledMemberInHousehold = a.DisabledMemberInHousehold,
        ReceivesSocialMinimum = a.ReceivesSocialMinimum,
        AnnualResources = Amount(a.AnnualResources),
        CafNumber = a.CafNumber,
        QuotientFamilial = Amount(a.QuotientFamilial),
        SocialSupport = a.SocialSupport,
        SiblingFacilities = [.. a.SiblingFacilities.Select(f => f.ToString())],
        PartnerEmployerFacilities = [.. a.PartnerEmployerFacilities.Select(f => f.ToString())],
        DesiredStart = InputReader.Format(a.DesiredStart),
        Days = [.. FacilityForm.DayLabels.Where(d => a.Days.HasFlag(d.Day)).Select(d => d.Day.ToString())],
        From = InputReader.Format(a.From),
        To = InputReader.Format(a.To),
        Wishes = WishValues(a),
        Consent = a.ConsentAt is not null,
    }, maxWishes);

    public static List<string?> WishValues(Application a) =>
        [.. a.RankedWishes.Select(w => w.FacilityId is { } id ? id.ToString() : SectorWish)];

    /// <summary>Two guardian blocks and one select per possible wish, whatever was posted.</summary>
    public static ApplicationInput Pad(ApplicationInput input, int maxWishes)
    {
        while (input.Guardians.Count < MaxGuardians) input.Guardians.Add(new GuardianFields());
        input.Wishes = PadWishes(input.Wishes, maxWishes);
        return input;
    }

    /// <summary>Chosen wishes first, in the order given (a skipped select does not leave a hole), then empty selects.</summary>
    public static List<string?> PadWishes(IEnumerable<string?> wishes, int maxWishes)
    {
        List<string?> chosen = [.. wishes.Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w!.Trim())];
        while (chosen.Count < maxWishes) chosen.Add(null);
        return chosen;
    }

    /// <param name="questions">The grid's questions the commune asks: answers to the others are not kept, whatever was posted.</param>
    public static ParsedApplication Parse(ApplicationInput input, Commune commune, IReadOnlySet<Guid> communeSectors, GridQuestions questions)
    {
        var reader = new InputReader();
        var child = new ChildInput(input.Child.FirstName, input.Child.LastName,
            reader.Date(input.Child.BirthDate, "Child.BirthDate"), reader.Date(input.Child.ExpectedBirthDate, "Child.ExpectedBirthDate"));
        // The first parent is always checked (its empty fields are what is missing); the second only when started.
        var guardians = input.Guardians.Take(MaxGuardians).Select((g, i) => (g, i)).Where(x => x.i == 0 || !x.g.IsBlank)
            .Select(x => new GuardianInput(x.g.FirstName, x.g.LastName, Situation(x.g.Situation, $"Guardians[{x.i}].Situation", reader)))
            .ToList();
        var grid = GridAnswers(input, questions, reader);
        var request = new ApplicationRequest
        {
            Child = child,
            Guardians = guardians,
            ChildrenInHousehold = reader.Integer(input.ChildrenInHousehold, nameof(input.ChildrenInHousehold), 1, 15, required: true) ?? 1,
            DisabledMemberInHousehold = input.DisabledMemberInHousehold,
            ReceivesSocialMinimum = input.ReceivesSocialMinimum,
            AnnualResources = Money(input.AnnualResources, nameof(input.AnnualResources), reader),
            CafNumber = input.CafNumber,
            QuotientFamilial = grid.QuotientFamilial,
            SocialSupport = grid.SocialSupport,
            SiblingFacilities = grid.SiblingFacilities,
            PartnerEmployerFacilities = grid.PartnerEmployerFacilities,
            DesiredStart = reader.Date(input.DesiredStart, nameof(input.DesiredStart)),
            Days = Days(input.Days),
            From = reader.Time(input.From, nameof(input.From)),
            To = reader.Time(input.To, nameof(input.To)),
            Wishes = Wishes(input.Wishes, reader),
        };
        var address = new ApplicationAddress(
            reader.Text(input.Street, nameof(input.Street), 200),
            input.PostalCode?.Trim() is { Length: > 0 } postal ? postal : null,
            Sector(input.SectorId, communeSectors, reader));
        if (address.PostalCode is { } code && !commune.PostalCodeList.Contains(code))
            reader.Add("application-postal-code", nameof(input.PostalCode), string.Join(", ", commune.PostalCodeList));
        return new ParsedApplication(request, address, input.Consent, reader.Problems);
    }

    /// <summary>
    /// The grid's answers of a form. A question the commune does not ask keeps <paramref name="current"/>'s answer (the
    /// guichet's correction) or has none (a new application): what was posted for it anyway is not kept.
    /// </summary>
    internal static GridAnswers GridAnswers(IGridAnswersInput input, GridQuestions questions, InputReader reader, GridAnswers? current = null) => new(
        questions.QuotientFamilial ? Quotient(input.QuotientFamilial, nameof(input.QuotientFamilial), reader) : current?.QuotientFamilial,
        questions.SocialSupport ? input.SocialSupport : current?.SocialSupport ?? false,
        questions.SiblingInStructure ? Structures(input.SiblingFacilities) : current?.SiblingFacilities ?? [],
        questions.PartnerEmployer ? Structures(input.PartnerEmployerFacilities) : current?.PartnerEmployerFacilities ?? []);

    /// <summary>An amount in euros as the form shows it back: French decimal comma, no useless zeros.</summary>
    internal static string? Amount(decimal? value) => value?.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR"));

    internal static IReadOnlyList<WishInput> Wishes(IEnumerable<string?> values, InputReader reader)
    {
        var wishes = new List<WishInput>();
        foreach (var value in values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()))
        {
            if (value == SectorWish) wishes.Add(new WishInput(null));
            else if (Guid.TryParse(value, out var id)) wishes.Add(new WishInput(new FacilityId(id)));
            // Not a value the form offers: an id nobody has stands for "not a crèche of the commune", checked by the domain.
            else wishes.Add(new WishInput(new FacilityId(Guid.Empty)));
        }
        return wishes;
    }

    /// <summary>Ticked crèches, once each; a value the form does not offer stands for "not a crèche of the commune" (checked by the domain).</summary>
    private static IReadOnlyList<FacilityId> Structures(IEnumerable<string?> values) =>
        [.. values.Where(v => !string.IsNullOrWhiteSpace(v))
            .Select(v => Guid.TryParse(v!.Trim(), out var id) ? new FacilityId(id) : new FacilityId(Guid.Empty)).Distinct()];

    /// <summary>Euros a month, as on the CAF attestation: cents at most (the range is the domain's).</summary>
    private static decimal? Quotient(string? value, string field, InputReader reader)
    {
        var amount = Money(value, field, reader);
        if (amount is { } qf && decimal.Round(qf, 2) != qf)
        {
            reader.Add("too-many-decimals", field, 2);
            return null;
        }
        return amount;
    }

    /// <summary>
    /// Problems of the parsed form and of the domain's check, one per field (the first found is the one that helps),
    /// "Wishes" as a whole pointed at the first choice so that the summary's link lands on a select.
    /// </summary>
    public static IReadOnlyList<Problem> Merge(IEnumerable<Problem> parsed, IEnumerable<Problem> checkedByDomain, bool draft)
    {
        var merged = new List<Problem>();
        foreach (var p in parsed.Concat(checkedByDomain.Where(p => !draft || BlockingForDraft.Contains(p.Code))))
        {
            var problem = p.Field == "Wishes" ? p with { Field = "Wishes[0]" } : p;
            if (!merged.Exists(m => m.Field == problem.Field && m.Field.Length > 0)) merged.Add(problem);
        }
        return merged;
    }

    /// <summary>What only the address can say: a street is needed to submit (the draft may wait for it).</summary>
    public static IEnumerable<Problem> AddressProblems(ApplicationAddress address)
    {
        if (address.Street is null) yield return Problem.Of("application-street-missing", "Street");
    }

    private static GuardianSituation? Situation(string? value, string field, InputReader reader)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (Enum.TryParse<GuardianSituation>(value.Trim(), out var situation) && Enum.IsDefined(situation)) return situation;
        reader.Add("unknown-value", field);
        return null;
    }

    private static Guid? Sector(string? value, IReadOnlySet<Guid> communeSectors, InputReader reader)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (Guid.TryParse(value.Trim(), out var id) && communeSectors.Contains(id)) return id;
        reader.Add("application-sector-outside", "SectorId");
        return null;
    }

    private static WeekDays Days(IEnumerable<string> values)
    {
        var days = WeekDays.None;
        foreach (var value in values)
        {
            if (Enum.TryParse<WeekDays>(value, out var day) && FacilityForm.DayLabels.Any(d => d.Day == day)) days |= day;
        }
        return days;
    }

    /// <summary>An amount in euros as people type it: "32 000", "32000,50", "32 000 €".</summary>
    private static decimal? Money(string? value, string field, InputReader reader)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = new string([.. value.Where(c => !char.IsWhiteSpace(c) && c != '€')]).Replace(',', '.');
        // A sign is read, so that a negative amount gets the range's message rather than "not a number".
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount)) return amount;
        reader.Add("not-a-number", field);
        return null;
    }
}
