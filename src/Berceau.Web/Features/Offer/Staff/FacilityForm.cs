using System.Globalization;
using Berceau.Domain.Common;
using Berceau.Domain.Offer;
using Berceau.Domain.Territories;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Offer.Staff;

/// <summary>What the facility form posts, as typed. Never the entity: <see cref="FacilityForm.Validate"/> turns it into values.</summary>
public sealed record FacilityInput
{
    /// <summary>The version the user started from, so that a concurrent change is detected instead of overwritten.</summary>
    public int Version { get; set; }
    public string? Name { get; set; }
    public string? Mode { get; set; }
    public string? ManagerType { get; set; }
    public string? ManagerName { get; set; }
    /// <summary>The day the structure opened (or will open), for the places created of the observatory; empty when unknown.</summary>
    public string? OpenedOn { get; set; }
    public string? CommuneCode { get; set; }
    /// <summary>A sector of the commune, or empty for none.</summary>
    public string? SectorId { get; set; }
    public string? Street { get; set; }
    public string? PostalCode { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
    public bool? IsPsu { get; set; }
    public List<string> OpeningDays { get; set; } = [];
    public string? OpensAt { get; set; }
    public string? ClosesAt { get; set; }
    public List<string> ReceptionTypes { get; set; } = [];
    public bool AtypicalHours { get; set; }
    public bool DisabilityInclusion { get; set; }
    public bool IsAvip { get; set; }
    public string? Languages { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    public string? Description { get; set; }
    public List<SectionInput> Sections { get; set; } = [];
    public string? AgrementChildren { get; set; }
    public string? AgrementMinAgeMonths { get; set; }
    public string? AgrementMaxAgeMonths { get; set; }
    public string? AgrementValidUntil { get; set; }
    public string? AgrementNumber { get; set; }
}

/// <summary>One row of the sections table; a row left entirely empty is ignored (or deletes the section it held).</summary>
public sealed record SectionInput
{
    public Guid? Id { get; set; }
    public string? Name { get; set; }
    public string? MinAgeMonths { get; set; }
    public string? MaxAgeMonths { get; set; }
    public string? Places { get; set; }

    public bool IsBlank =>
        string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(MinAgeMonths)
        && string.IsNullOrWhiteSpace(MaxAgeMonths) && string.IsNullOrWhiteSpace(Places);
}

/// <summary>A valid form, ready to be applied to a facility.</summary>
public sealed record FacilityValues(
    string Name,
    CareMode Mode,
    ManagerType ManagerType,
    string? ManagerName,
    string CommuneCode,
    string Street,
    string PostalCode,
    double? Latitude,
    double? Longitude,
    bool IsPsu,
    WeekDays OpeningDays,
    TimeOnly? OpensAt,
    TimeOnly? ClosesAt,
    ReceptionTypes ReceptionTypes,
    bool AtypicalHours,
    bool DisabilityInclusion,
    bool IsAvip,
    string? Languages,
    string? Phone,
    string? Email,
    string? Website,
    string? Description,
    IReadOnlyList<SectionValues> Sections,
    Agrement? Agrement,
    DateOnly? OpenedOn = null);

public sealed record SectionValues(Guid? Id, string Name, int MinAgeMonths, int MaxAgeMonths, int Places);

/// <summary>
/// The choices offered by the form (labels in French, values stable codes). <paramref name="Sectors"/> holds the sectors
/// of the communes offered, grouped by commune when there are several; empty when the user may not choose the sector.
/// </summary>
public sealed record FacilityFormOptions(IReadOnlyList<SelectListItem> Communes, IReadOnlyList<SelectListItem> Sectors)
{
    /// <summary>Sectors are the territory's business: admins and agents choose them, a director does not.</summary>
    public bool ChoosesSector { get; init; }

    public IReadOnlyList<SelectListItem> Modes { get; } =
        [.. CareModes.All.Select(m => new SelectListItem(m.Label(), m.Code()))];

    public IReadOnlyList<SelectListItem> ManagerTypes { get; } =
        [.. Enum.GetValues<ManagerType>().Select(t => new SelectListItem(t.Label(), t.ToString()))];

    public IReadOnlyList<SelectListItem> Days { get; } =
        [.. FacilityForm.DayLabels.Select(d => new SelectListItem(d.Label, d.Day.ToString()))];

    public IReadOnlyList<SelectListItem> Receptions { get; } =
        [.. FacilityForm.ReceptionLabels.Select(r => new SelectListItem(r.Label, r.Type.ToString()))];

    public IReadOnlyList<SelectListItem> YesNo { get; } = [new("Oui", "true"), new("Non", "false")];
}

public static class FacilityForm
{
    public const int MaxSections = 6;
    public const int MaxAgeMonths = 72;
    public const int MaxSectionPlaces = 200;
    public const int MicroCrecheMaxPlaces = 12;
    public const int AmMaxChildren = 6;
    public const int MamMaxChildren = 24;

    public static IReadOnlyList<(WeekDays Day, string Label)> DayLabels { get; } =
    [
        (WeekDays.Monday, "Lundi"), (WeekDays.Tuesday, "Mardi"), (WeekDays.Wednesday, "Mercredi"), (WeekDays.Thursday, "Jeudi"),
        (WeekDays.Friday, "Vendredi"), (WeekDays.Saturday, "Samedi"), (WeekDays.Sunday, "Dimanche"),
    ];

    public static IReadOnlyList<(ReceptionTypes Type, string Label)> ReceptionLabels { get; } =
        [(ReceptionTypes.Regular, "Régulier"), (ReceptionTypes.Occasional, "Occasionnel"), (ReceptionTypes.Emergency, "Urgence")];

    public static bool HasAgrement(CareMode mode) => mode is CareMode.AssistantMaternel or CareMode.Mam;

    /// <summary>A blank form for a new facility, with six empty section rows.</summary>
    public static FacilityInput Blank() => new()
    {
        OpeningDays = [.. DayLabels.Where(d => WeekDays.Weekdays.HasFlag(d.Day)).Select(d => d.Day.ToString())],
        ReceptionTypes = [nameof(Domain.Offer.ReceptionTypes.Regular)],
        Sections = [.. Enumerable.Range(0, MaxSections).Select(_ => new SectionInput())],
    };

    public static FacilityInput From(Facility f) => new()
    {
        Version = f.Version,
        Name = f.Name,
        Mode = f.Mode.Code(),
        ManagerType = f.ManagerType.ToString(),
        ManagerName = f.ManagerName,
        OpenedOn = InputReader.Format(f.OpenedOn),
        CommuneCode = f.CommuneCode,
        SectorId = f.SectorId?.ToString(),
        Street = f.Street,
        PostalCode = f.PostalCode,
        Latitude = f.Latitude.ToString("0.######", CultureInfo.InvariantCulture),
        Longitude = f.Longitude.ToString("0.######", CultureInfo.InvariantCulture),
        IsPsu = f.IsPsu,
        OpeningDays = [.. DayLabels.Where(d => f.OpeningDays.HasFlag(d.Day)).Select(d => d.Day.ToString())],
        OpensAt = InputReader.Format(f.OpensAt),
        ClosesAt = InputReader.Format(f.ClosesAt),
        ReceptionTypes = [.. ReceptionLabels.Where(r => f.ReceptionTypes.HasFlag(r.Type)).Select(r => r.Type.ToString())],
        AtypicalHours = f.AtypicalHours,
        DisabilityInclusion = f.DisabilityInclusion,
        IsAvip = f.IsAvip,
        Languages = f.Languages,
        Phone = f.Phone,
        Email = f.Email,
        Website = f.Website,
        Description = f.Description,
        Sections = [.. f.Sections.OrderBy(s => s.MinAgeMonths).ThenBy(s => s.Name).Select(s => new SectionInput
        {
            Id = s.Id,
            Name = s.Name,
            MinAgeMonths = InputReader.Format(s.MinAgeMonths),
            MaxAgeMonths = InputReader.Format(s.MaxAgeMonths),
            Places = InputReader.Format(s.Places),
        })],
        AgrementChildren = InputReader.Format(f.Agrement?.Children),
        AgrementMinAgeMonths = InputReader.Format(f.Agrement?.MinAgeMonths),
        AgrementMaxAgeMonths = InputReader.Format(f.Agrement?.MaxAgeMonths),
        AgrementValidUntil = InputReader.Format(f.Agrement?.ValidUntil),
        AgrementNumber = f.Agrement?.Number,
    };

    /// <summary>Always six rows on screen: the existing sections, then empty rows to add new ones.</summary>
    public static void PadSections(FacilityInput input)
    {
        while (input.Sections.Count < MaxSections)
        {
            input.Sections.Add(new SectionInput());
        }
    }

    /// <summary>An opening day may be planned this many months ahead at most (a structure is registered before it opens).</summary>
    public const int OpeningMaxMonthsAhead = 24;

    /// <summary>
    /// Checks everything the form says, field by field. <paramref name="commune"/> is the commune chosen (null when
    /// unknown) and <paramref name="communeAllowed"/> whether the user may place a facility there; <paramref name="today"/> bounds
    /// the opening day (at most <see cref="OpeningMaxMonthsAhead"/> months ahead) and <paramref name="closedOn"/>, the closing day of
    /// an existing facility, must not come before it.
    /// </summary>
    public static Outcome<FacilityValues> Validate(FacilityInput input, Commune? commune, bool communeAllowed, DateOnly today, DateOnly? closedOn = null)
    {
        var read = new InputReader();
        var name = read.Text(input.Name, nameof(input.Name), 200, required: true);
        var openedOn = read.Date(input.OpenedOn, nameof(input.OpenedOn));
        if (openedOn is { } opened)
        {
            var latest = today.AddMonths(OpeningMaxMonthsAhead);
            if (opened > latest)
                read.Add("facility-opened-too-late", nameof(input.OpenedOn), OpeningMaxMonthsAhead, latest.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
            else if (closedOn is { } closed && opened > closed)
                read.Add("facility-opened-after-closing", nameof(input.OpenedOn), closed.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        }

        CareMode? mode = null;
        if (string.IsNullOrWhiteSpace(input.Mode)) read.Add("required", nameof(input.Mode));
        else if (CareModes.TryParse(input.Mode, out var parsedMode)) mode = parsedMode;
        else read.Add("unknown-value", nameof(input.Mode));

        ManagerType? managerType = null;
        if (string.IsNullOrWhiteSpace(input.ManagerType)) read.Add("required", nameof(input.ManagerType));
        else if (Enum.TryParse<ManagerType>(input.ManagerType, ignoreCase: false, out var parsedType) && Enum.IsDefined(parsedType)) managerType = parsedType;
        else read.Add("unknown-value", nameof(input.ManagerType));
        var managerName = read.Text(input.ManagerName, nameof(input.ManagerName), 200);

        if (string.IsNullOrWhiteSpace(input.CommuneCode)) read.Add("required", nameof(input.CommuneCode));
        else if (commune is null) read.Add("unknown-value", nameof(input.CommuneCode));
        else if (!communeAllowed) read.Add("commune-out-of-scope", nameof(input.CommuneCode));

        // The street of a childminder is their home: it is asked, not required.
        var streetRequired = mode is not (CareMode.AssistantMaternel or CareMode.GardeDomicile);
        var street = read.Text(input.Street, nameof(input.Street), 200, streetRequired);
        var postalCode = read.Text(input.PostalCode, nameof(input.PostalCode), 5, required: true);
        if (postalCode is not null && !read.HasProblem(nameof(input.PostalCode)))
        {
            if (postalCode.Length != 5 || !postalCode.All(char.IsAsciiDigit))
                read.Add("postal-code-format", nameof(input.PostalCode));
            else if (commune is not null && commune.PostalCodeList.Any() && !commune.PostalCodeList.Contains(postalCode))
                read.Add("postal-code-of-commune", nameof(input.PostalCode), commune.Name, string.Join(", ", commune.PostalCodeList));
        }

        var latitude = read.Decimal(input.Latitude, nameof(input.Latitude), -90, 90);
        var longitude = read.Decimal(input.Longitude, nameof(input.Longitude), -180, 180);
        if (!read.HasProblem(nameof(input.Latitude)) && !read.HasProblem(nameof(input.Longitude)))
        {
            if (latitude is null && longitude is not null) read.Add("position-pair", nameof(input.Latitude));
            if (latitude is not null && longitude is null) read.Add("position-pair", nameof(input.Longitude));
        }

        if (input.IsPsu is null) read.Add("required", nameof(input.IsPsu));

        var days = WeekDays.None;
        foreach (var value in input.OpeningDays)
        {
            var day = DayLabels.FirstOrDefault(d => d.Day.ToString() == value).Day;
            if (day == WeekDays.None) read.Add("unknown-value", nameof(input.OpeningDays));
            days |= day;
        }
        if (days == WeekDays.None) read.Add("opening-days-required", nameof(input.OpeningDays));

        var opensAt = read.Time(input.OpensAt, nameof(input.OpensAt));
        var closesAt = read.Time(input.ClosesAt, nameof(input.ClosesAt));
        if (opensAt is { } opens && closesAt is { } closes && closes <= opens)
            read.Add("times-order", nameof(input.ClosesAt));

        var receptions = Domain.Offer.ReceptionTypes.None;
        foreach (var value in input.ReceptionTypes)
        {
            var type = ReceptionLabels.FirstOrDefault(r => r.Type.ToString() == value).Type;
            if (type == Domain.Offer.ReceptionTypes.None) read.Add("unknown-value", nameof(input.ReceptionTypes));
            receptions |= type;
        }
        if (receptions == Domain.Offer.ReceptionTypes.None && mode is { } m && !m.IsService())
            read.Add("reception-types-required", nameof(input.ReceptionTypes));

        var languages = read.Text(input.Languages, nameof(input.Languages), 200);
        var phone = read.Text(input.Phone, nameof(input.Phone), 30);
        if (phone is not null && !IsPhone(phone)) read.Add("not-a-phone", nameof(input.Phone));
        var email = read.Text(input.Email, nameof(input.Email), 200);
        if (email is not null && !IsEmail(email)) read.Add("email-invalid", nameof(input.Email));
        var website = read.Text(input.Website, nameof(input.Website), 300);
        if (website is not null && !IsWebsite(website)) read.Add("not-a-url", nameof(input.Website));
        var description = read.Text(input.Description, nameof(input.Description), 2000);

        var sections = mode is { } collective && collective.IsCollective() ? ReadSections(input, collective, read) : [];
        var agrement = mode is { } individual && HasAgrement(individual) ? ReadAgrement(input, individual, read) : null;

        if (read.Problems.Count > 0)
        {
            return Outcome<FacilityValues>.Failure(read.Problems);
        }
        return new FacilityValues(
            name!, mode!.Value, managerType!.Value, managerName, commune!.Code, street ?? "", postalCode!,
            latitude, longitude, input.IsPsu!.Value, days, opensAt, closesAt, receptions,
            // The label is a crèche's (its reserve is one of the places a commission allocates): ignored for any other mode.
            input.AtypicalHours, input.DisabilityInclusion, input.IsAvip && mode!.Value.IsCollective(), languages, phone, email, website, description, sections, agrement,
            openedOn);
    }

    private static List<SectionValues> ReadSections(FacilityInput input, CareMode mode, InputReader read)
    {
        var sections = new List<(int Row, SectionValues Values)>();
        var filled = input.Sections.Select((s, i) => (Row: i, Input: s)).Where(r => !r.Input.IsBlank).ToList();
        if (filled.Count > MaxSections)
        {
            read.Add("sections-too-many", nameof(input.Sections), MaxSections);
            return [];
        }
        foreach (var (row, s) in filled)
        {
            var prefix = $"{nameof(input.Sections)}[{row}].";
            var name = read.Text(s.Name, prefix + nameof(s.Name), 100, required: true);
            var min = read.Integer(s.MinAgeMonths, prefix + nameof(s.MinAgeMonths), 0, MaxAgeMonths, required: true);
            var max = read.Integer(s.MaxAgeMonths, prefix + nameof(s.MaxAgeMonths), 0, MaxAgeMonths, required: true);
            var places = read.Integer(s.Places, prefix + nameof(s.Places), 0, MaxSectionPlaces, required: true);
            if (min is { } lo && max is { } hi && lo >= hi)
            {
                read.Add("age-order", prefix + nameof(s.MaxAgeMonths));
                continue;
            }
            if (name is null || min is null || max is null || places is null) continue;
            // Touching ranges (0–18 then 18–36) are the usual way of writing sections; only a real overlap is refused.
            var overlapping = sections.FirstOrDefault(other => min < other.Values.MaxAgeMonths && other.Values.MinAgeMonths < max);
            if (overlapping.Values is not null)
            {
                read.Add("section-overlap", prefix + nameof(s.MinAgeMonths), overlapping.Values.Name);
                continue;
            }
            sections.Add((row, new SectionValues(s.Id, name, min.Value, max.Value, places.Value)));
        }
        if (filled.Count == 0)
        {
            read.Add("sections-required", nameof(input.Sections));
        }
        var total = sections.Sum(s => s.Values.Places);
        if (mode == CareMode.MicroCreche && total > MicroCrecheMaxPlaces)
        {
            read.Add("micro-creche-capacity", nameof(input.Sections), MicroCrecheMaxPlaces, total);
        }
        return [.. sections.Select(s => s.Values)];
    }

    private static Agrement? ReadAgrement(FacilityInput input, CareMode mode, InputReader read)
    {
        var maxChildren = mode == CareMode.Mam ? MamMaxChildren : AmMaxChildren;
        var children = read.Integer(input.AgrementChildren, nameof(input.AgrementChildren), 1, maxChildren, required: true);
        var min = read.Integer(input.AgrementMinAgeMonths, nameof(input.AgrementMinAgeMonths), 0, MaxAgeMonths, required: true);
        var max = read.Integer(input.AgrementMaxAgeMonths, nameof(input.AgrementMaxAgeMonths), 0, MaxAgeMonths, required: true);
        if (min is { } lo && max is { } hi && lo >= hi)
            read.Add("age-order", nameof(input.AgrementMaxAgeMonths));
        var validUntil = read.Date(input.AgrementValidUntil, nameof(input.AgrementValidUntil));
        var number = read.Text(input.AgrementNumber, nameof(input.AgrementNumber), 50);
        return children is null || min is null || max is null || min >= max
            ? null
            : new Agrement(children.Value, min.Value, max.Value, validUntil, number);
    }

    internal static bool IsPhone(string phone) =>
        phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '.' or '-' or '+' or '(' or ')')
        && phone.Count(char.IsAsciiDigit) is >= 10 and <= 15;

    private static bool IsEmail(string email) =>
        System.Net.Mail.MailAddress.TryCreate(email, out var address) && address.Address == email && email.Contains('.', StringComparison.Ordinal);

    private static bool IsWebsite(string website) =>
        Uri.TryCreate(website, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Contains('.', StringComparison.Ordinal);
}

/// <summary>What the shared form partial needs from the "new" and "edit" pages.</summary>
public interface IFacilityFormPage
{
    FacilityInput Input { get; }
    FacilityFormOptions Options { get; }
    string CancelHref { get; }
}
