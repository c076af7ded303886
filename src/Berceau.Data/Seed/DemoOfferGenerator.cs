using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Berceau.Data.Import;
using Berceau.Domain.Territories;
using Berceau.Domain.Offer;

namespace Berceau.Data.Seed;

internal sealed record DemoCommune(string Code, string Name, int Population, IReadOnlyList<string> PostalCodes, GeoBoundary Boundary);

/// <summary>Places of each Cnaf category that the demo offer of a commune must add up to exactly.</summary>
internal readonly record struct OfferTargets(int PsuPlaces, int NonPsuPlaces, int ChildminderPlaces);

/// <summary>
/// Generates the demo offer of one commune: crèches, micro-crèches, childminders, MAM, RPE and LAEP whose places add up
/// to the commune's Cnaf figures. Everything comes from one <see cref="Random"/> seeded by the commune code, and ids are
/// hashes of the commune and a sequence number, so the same inputs always give the same facilities.
/// </summary>
internal sealed class DemoOfferGenerator
{
    // Shares and sizes below are demo choices, not statistics: they make a list that looks like a real territory's.
    private const double MicroCrechePsuShare = 0.10, CrecheFamilialeShare = 0.03, CrecheParentaleShare = 0.03;
    private const double MamShareOfChildminderPlaces = 0.05;
    private const int MamMin = 8, MamMax = 16;          // 2 to 4 childminders of 4 children
    private const int MicroMin = 6, MicroMax = 12;      // micro-crèches: at most 12 places since décret 2021-1131
    private const int CollectiveTailMin = 10;           // below this, the last crèche absorbs the remainder
    private const int SingleSectionMax = 12;
    private const double AtypicalShare = 0.05, EmergencyShare = 0.10, DisabilityShare = 0.20, LanguageShare = 0.15;
    private const double CollectiveVacancyShare = 0.15, ChildminderVacancyShare = 0.25, LaepShare = 0.5;
    private const int RpePopulationThreshold = 10_000;  // RULES §6: communes above 10,000 must have a relais

    private readonly DemoCommune commune;
    private readonly EajeReference reference;
    private readonly DateTimeOffset now;
    private readonly DateOnly today;
    private readonly Func<string> nextAgrementNumber;
    private readonly Random rng;
    private readonly HashSet<string> usedNames = new(StringComparer.Ordinal);
    private readonly List<Facility> facilities = [];
    private int sequence;

    private DemoOfferGenerator(DemoCommune commune, EajeReference reference, DateTimeOffset now, Func<string> nextAgrementNumber)
    {
        this.commune = commune;
        this.reference = reference;
        this.now = now.ToUniversalTime();
        today = DateOnly.FromDateTime(this.now.UtcDateTime);
        this.nextAgrementNumber = nextAgrementNumber;
        rng = new Random(StableSeed(commune.Code));
    }

    public static IReadOnlyList<Facility> Generate(
        DemoCommune commune, OfferTargets targets, EajeReference reference, DateTimeOffset now, Func<string> nextAgrementNumber)
    {
        var generator = new DemoOfferGenerator(commune, reference, now, nextAgrementNumber);
        generator.AddPsuStructures(targets.PsuPlaces);
        generator.AddPrivateMicroCreches(targets.NonPsuPlaces);
        generator.AddChildminders(targets.ChildminderPlaces);
        generator.AddServices();
        return generator.facilities;
    }

    /// <summary>A seed that does not change between runs or .NET versions, unlike <see cref="string.GetHashCode()"/>.</summary>
    public static int StableSeed(string communeCode) =>
        BinaryPrimitives.ReadInt32LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes($"demo-seed:{communeCode}"))) & int.MaxValue;

    /// <summary>A name-based id (RFC 9562 version 8 layout) so that the demo ids are the same on every machine.</summary>
    public static Guid DemoId(string key)
    {
        Span<byte> bytes = stackalloc byte[16];
        SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16).CopyTo(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    // ---- Places -------------------------------------------------------------------------------------------------------

    /// <summary>
    /// PSU places: mostly multi-accueil crèches sized like Marseille's, some PSU micro-crèches, a few crèches familiales and
    /// parentales. The last structure takes whatever is left so that the commune total is exactly the Cnaf figure.
    /// </summary>
    private void AddPsuStructures(int places)
    {
        var remaining = places;
        while (remaining > 0)
        {
            var draw = rng.NextDouble();
            var (mode, size) = draw switch
            {
                < MicroCrechePsuShare => (CareMode.MicroCreche, MicroSize()),
                < MicroCrechePsuShare + CrecheFamilialeShare => (CareMode.CrecheFamiliale, 30 + 5 * rng.Next(0, 13)),
                < MicroCrechePsuShare + CrecheFamilialeShare + CrecheParentaleShare => (CareMode.CrecheParentale, rng.Next(12, 26)),
                _ => (CareMode.EajeCollectif, reference.MultiAccueilPlaces[rng.Next(reference.MultiAccueilPlaces.Length)]),
            };
            if (remaining - size < CollectiveTailMin)
            {
                size = remaining;
                mode = size <= MicroMax ? CareMode.MicroCreche
                    : mode is CareMode.MicroCreche || (mode is CareMode.CrecheParentale && size > 25) ? CareMode.EajeCollectif
                    : mode;
            }
            remaining -= size;
            var manager = mode switch
            {
                CareMode.MicroCreche => Pick(reference.MicroCrecheManagers),
                CareMode.CrecheFamiliale => ManagerType.Municipal,
                CareMode.CrecheParentale => ManagerType.Parental,
                _ => Pick(reference.MultiAccueilManagers),
            };
            AddCollective(mode, size, isPsu: true, manager);
        }
    }

    /// <summary>EAJE places outside the PSU are, in practice, private micro-crèches funded through the Paje.</summary>
    private void AddPrivateMicroCreches(int places)
    {
        foreach (var size in Partition(places, MicroSize, MicroMin, MicroMax))
            AddCollective(CareMode.MicroCreche, size, isPsu: false, ManagerType.Private);
    }

    private void AddChildminders(int places)
    {
        var mamPlaces = (int)Math.Round(places * MamShareOfChildminderPlaces, MidpointRounding.AwayFromZero);
        if (mamPlaces < MamMin)
            mamPlaces = 0;
        foreach (var size in Partition(mamPlaces, () => rng.Next(MamMin, MamMax + 1), MamMin, MamMax))
            AddMam(size);
        foreach (var size in Partition(places - mamPlaces, AgrementSize, 1, 4))
            AddChildminder(size);
    }

    private void AddServices()
    {
        if (commune.Population >= RpePopulationThreshold)
            AddService(CareMode.Rpe, $"Relais petite enfance {OfCommune(commune.Name)}",
                "Information des familles sur tous les modes d’accueil, accompagnement des assistants maternels et ateliers d’éveil.");
        if (rng.NextDouble() < LaepShare)
            AddService(CareMode.Laep, UniqueName(() => $"LAEP {Pick(DemoNames.LaepThemes)}"),
                "Accueil libre, gratuit et sans inscription des enfants de moins de 6 ans accompagnés d’un parent.");
    }

    /// <summary>
    /// Sizes in [min, max] (drawn by <paramref name="draw"/>) that add up to exactly <paramref name="total"/>: when what
    /// would be left is below min, the current item takes it all or leaves exactly min. Only a total below min gives a
    /// smaller item.
    /// </summary>
    internal static List<int> Partition(int total, Func<int> draw, int min, int max)
    {
        var sizes = new List<int>();
        var remaining = total;
        while (remaining > 0)
        {
            var size = Math.Min(draw(), remaining);
            var left = remaining - size;
            if (left > 0 && left < min)
                size = remaining <= max ? remaining : remaining - min;
            sizes.Add(size);
            remaining -= size;
        }
        return sizes;
    }

    private int MicroSize() => rng.Next(3) == 0 ? 12 : 10;

    /// <summary>Agrément sizes: mostly 3 or 4 children, as in the national childminder statistics.</summary>
    private int AgrementSize() => rng.NextDouble() switch
    {
        < 0.05 => 1,
        < 0.17 => 2,
        < 0.55 => 3,
        _ => 4,
    };

    // ---- Facilities ---------------------------------------------------------------------------------------------------

    private void AddCollective(CareMode mode, int places, bool isPsu, ManagerType manager)
    {
        var name = UniqueName(() => mode switch
        {
            CareMode.MicroCreche => $"Micro-crèche {Pick(DemoNames.MicroThemes)}",
            CareMode.CrecheFamiliale => $"Crèche familiale {Pick(DemoNames.FamilialeSuffixes)}",
            CareMode.CrecheParentale => $"Crèche parentale {Pick(DemoNames.Themes)}",
            _ => $"{Pick(DemoNames.CollectivePrefixes)} {Pick(DemoNames.Themes)}",
        });
        var facility = NewFacility(mode, name, manager, ManagerName(manager, name));
        facility.IsPsu = isPsu;
        SetCrecheHours(facility);
        facility.ReceptionTypes = ReceptionTypes.Regular
            | (rng.NextDouble() < (isPsu ? 0.8 : 0.5) ? ReceptionTypes.Occasional : ReceptionTypes.None)
            | (rng.NextDouble() < EmergencyShare ? ReceptionTypes.Emergency : ReceptionTypes.None);
        facility.DisabilityInclusion = rng.NextDouble() < DisabilityShare;
        facility.Email = Email(name);
        facility.Sections.AddRange(Sections(facility.Id.Value, places));

        if (rng.NextDouble() < CollectiveVacancyShare)
        {
            var section = facility.Sections[rng.Next(facility.Sections.Count)];
            facility.Vacancies.Add(NewVacancy(facility.Id.Value, section.Id, Math.Min(section.Places, rng.Next(1, 4)),
                section.MinAgeMonths, section.MaxAgeMonths));
        }
        facilities.Add(facility);
    }

    private void AddChildminder(int children)
    {
        var name = UniqueName(() => $"{Pick(DemoNames.FirstNames)} {DemoNames.Initials[rng.Next(DemoNames.Initials.Length)]}.", allowDuplicate: true);
        var facility = NewFacility(CareMode.AssistantMaternel, name, ManagerType.Independent, managerName: null);
        SetChildminderHours(facility);
        facility.ReceptionTypes = ReceptionTypes.Regular
            | (rng.NextDouble() < 0.2 ? ReceptionTypes.Occasional : ReceptionTypes.None)
            | (rng.NextDouble() < EmergencyShare ? ReceptionTypes.Emergency : ReceptionTypes.None);
        facility.DisabilityInclusion = rng.NextDouble() < DisabilityShare;
        if (rng.NextDouble() < LanguageShare)
            facility.Languages = rng.Next(4) == 0
                ? string.Join(", ", DemoNames.Languages.OrderBy(_ => rng.Next()).Take(2))
                : Pick(DemoNames.Languages);
        // A childminder's e-mail is personal data we would not publish: contact goes through the phone or the platform.
        facility.Email = null;
        SetAgrementAndVacancy(facility, children, ChildminderVacancyShare);
        facilities.Add(facility);
    }

    private void AddMam(int children)
    {
        var name = UniqueName(() => $"MAM {Pick(DemoNames.MamThemes)}");
        var facility = NewFacility(CareMode.Mam, name, ManagerType.Associative, $"Association {name}");
        SetChildminderHours(facility);
        facility.ReceptionTypes = ReceptionTypes.Regular
            | (rng.NextDouble() < 0.3 ? ReceptionTypes.Occasional : ReceptionTypes.None)
            | (rng.NextDouble() < EmergencyShare ? ReceptionTypes.Emergency : ReceptionTypes.None);
        facility.DisabilityInclusion = rng.NextDouble() < DisabilityShare;
        facility.Email = Email(name);
        SetAgrementAndVacancy(facility, children, ChildminderVacancyShare);
        facilities.Add(facility);
    }

    private void AddService(CareMode mode, string name, string description)
    {
        var facility = NewFacility(mode, name, ManagerType.Municipal, ManagerName(ManagerType.Municipal, name));
        // Services receive families, not children on a contract: no reception type applies.
        facility.ReceptionTypes = ReceptionTypes.None;
        if (mode == CareMode.Rpe)
        {
            facility.OpeningDays = WeekDays.Weekdays;
            facility.OpensAt = new TimeOnly(9, 0);
            facility.ClosesAt = new TimeOnly(17, 30);
        }
        else
        {
            facility.OpeningDays = Pick<WeekDays>([WeekDays.Tuesday | WeekDays.Thursday | WeekDays.Saturday,
                WeekDays.Monday | WeekDays.Wednesday, WeekDays.Wednesday | WeekDays.Friday | WeekDays.Saturday]);
            facility.OpensAt = new TimeOnly(9, 0);
            facility.ClosesAt = new TimeOnly(12, 30);
        }
        facility.Email = Email(name);
        facility.Description = description;
        facilities.Add(facility);
    }

    private Facility NewFacility(CareMode mode, string name, ManagerType manager, string? managerName)
    {
        var id = DemoId($"demo:{commune.Code}:{++sequence}");
        var (longitude, latitude) = PointInside();
        return new Facility
        {
            Id = new FacilityId(id),
            Name = name,
            Mode = mode,
            ManagerType = manager,
            ManagerName = managerName,
            CommuneCode = commune.Code,
            Street = $"{StreetNumber()} {Pick(DemoNames.Streets)}",
            PostalCode = Pick(commune.PostalCodes),
            Latitude = latitude,
            Longitude = longitude,
            // ARCEP reserves 01 99 00 xx xx for fiction: no real line can be reached by mistake.
            Phone = string.Create(CultureInfo.InvariantCulture, $"01 99 00 {rng.Next(100):D2} {rng.Next(100):D2}"),
            IsDemo = true,
            OpenedOn = DemoOpening(id),
        };
    }

    /// <summary>
    /// About one demo facility in five opened in 2019–2026 (a day from the id's bytes, so the seeded draws do not change), the
    /// others before 2019 with no date: the observatory's « places créées » then has something to count.
    /// </summary>
    private static DateOnly? DemoOpening(Guid id)
    {
        var bytes = id.ToByteArray();
        if (bytes[0] % 5 != 0) return null;
        return new DateOnly(2019, 1, 1).AddDays((bytes[1] * 256 + bytes[2]) % (new DateOnly(2026, 9, 1).DayNumber - new DateOnly(2019, 1, 1).DayNumber));
    }

    /// <summary>Bébés / moyens / grands at about 30 / 35 / 35 %, or one mixed section for small structures.</summary>
    private static List<Section> Sections(Guid facilityId, int places)
    {
        Section New(int index, string name, int min, int max, int count) => new()
        {
            Id = DemoId($"{facilityId}:section:{index}"),
            Name = name,
            MinAgeMonths = min,
            MaxAgeMonths = max,
            Places = count,
        };

        if (places <= SingleSectionMax)
            return [New(1, "Multi-âges", 2, 48, places)];
        var babies = Math.Max(1, (int)Math.Round(places * 0.30, MidpointRounding.AwayFromZero));
        var middle = Math.Max(1, (int)Math.Round(places * 0.35, MidpointRounding.AwayFromZero));
        return
        [
            New(1, "Bébés", 2, 17, babies),
            New(2, "Moyens", 18, 29, middle),
            New(3, "Grands", 30, 48, places - babies - middle),
        ];
    }

    private void SetAgrementAndVacancy(Facility facility, int children, double vacancyShare)
    {
        var minMonths = rng.Next(2) == 0 ? 0 : 3;
        var validUntil = today.AddDays(rng.Next(365, 5 * 365 + 1));
        facility.Agrement = new Agrement(children, minMonths, 48, validUntil, nextAgrementNumber());
        if (rng.NextDouble() < vacancyShare)
            facility.Vacancies.Add(NewVacancy(facility.Id.Value, sectionId: null, Math.Min(children, rng.Next(1, 3)), minMonths, 48));
    }

    private Vacancy NewVacancy(Guid facilityId, Guid? sectionId, int places, int minMonths, int maxMonths) => new()
    {
        Id = DemoId($"{facilityId}:vacancy"),
        SectionId = sectionId,
        Places = places,
        From = today.AddDays(rng.Next(-15, 61)),
        MinAgeMonths = minMonths,
        MaxAgeMonths = maxMonths,
        DeclaredAt = now.AddMinutes(-rng.Next(0, 30 * 24 * 60)),
    };

    private void SetCrecheHours(Facility facility)
    {
        facility.OpeningDays = WeekDays.Weekdays;
        if (rng.NextDouble() < AtypicalShare)
        {
            SetAtypicalHours(facility);
            return;
        }
        (facility.OpensAt, facility.ClosesAt) = rng.NextDouble() switch
        {
            < 0.75 => (new TimeOnly(7, 30), new TimeOnly(18, 30)),
            < 0.90 => (new TimeOnly(8, 0), new TimeOnly(18, 30)),
            _ => (new TimeOnly(7, 0), new TimeOnly(19, 0)),
        };
    }

    private void SetChildminderHours(Facility facility)
    {
        facility.OpeningDays = WeekDays.Weekdays;
        if (rng.NextDouble() < AtypicalShare)
        {
            SetAtypicalHours(facility);
            return;
        }
        (facility.OpensAt, facility.ClosesAt) = rng.NextDouble() switch
        {
            < 0.5 => (new TimeOnly(7, 30), new TimeOnly(19, 0)),
            < 0.8 => (new TimeOnly(8, 0), new TimeOnly(18, 30)),
            _ => (new TimeOnly(7, 0), new TimeOnly(18, 0)),
        };
    }

    private static void SetAtypicalHours(Facility facility)
    {
        facility.AtypicalHours = true;
        facility.OpensAt = new TimeOnly(6, 30);
        facility.ClosesAt = new TimeOnly(21, 0);
    }

    // ---- Names, addresses, coordinates ----------------------------------------------------------------------------------

    /// <summary>A name not yet used in this commune; childminders may share one ("Nadia B." twice is realistic).</summary>
    private string UniqueName(Func<string> make, bool allowDuplicate = false)
    {
        var name = make();
        for (var attempt = 0; attempt < 30 && usedNames.Contains(name); attempt++)
            name = make();
        if (!allowDuplicate)
        {
            var candidate = name;
            for (var n = 2; usedNames.Contains(candidate); n++)
                candidate = string.Create(CultureInfo.InvariantCulture, $"{name} {n}");
            name = candidate;
        }
        usedNames.Add(name);
        return name;
    }

    private string? ManagerName(ManagerType manager, string facilityName) => manager switch
    {
        ManagerType.Municipal => $"Ville {OfCommune(commune.Name)}",
        ManagerType.Associative => Pick(DemoNames.AssociationNames),
        ManagerType.Private => Pick(DemoNames.CompanyNames),
        ManagerType.Parental => $"Association parentale {facilityName.Replace("Crèche parentale ", "", StringComparison.Ordinal)}",
        _ => null,
    };

    /// <summary>"de Bobigny", "d’Aubervilliers", "du Blanc-Mesnil", "des Lilas", "de La Courneuve".</summary>
    internal static string OfCommune(string name)
    {
        if (name.StartsWith("Le ", StringComparison.Ordinal))
            return "du " + name[3..];
        if (name.StartsWith("Les ", StringComparison.Ordinal))
            return "des " + name[4..];
        var first = name.Normalize(NormalizationForm.FormD)[0];
        return "AEIOUaeiou".Contains(first) && !name.StartsWith("L'", StringComparison.Ordinal) && !name.StartsWith("L’", StringComparison.Ordinal)
            ? "d’" + name
            : "de " + name;
    }

    private string Email(string name) => $"{Slug(name)}.{commune.Code}@demo.berceau.example";

    private static string Slug(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsAsciiLetterOrDigit(c))
                builder.Append(char.ToLowerInvariant(c));
            else if (builder.Length > 0 && builder[^1] != '-')
                builder.Append('-');
        }
        return builder.ToString().Trim('-');
    }

    /// <summary>Small numbers are more common than large ones on a French street.</summary>
    private int StreetNumber() => rng.Next(3) == 0 ? rng.Next(1, 160) : rng.Next(1, 40);

    /// <summary>
    /// Rejection sampling in the bounding box with a point-in-polygon test, so markers never fall outside the commune
    /// (nor in a hole). Coordinates are rounded to 6 decimals (about 10 cm) and tested after rounding.
    /// </summary>
    private (double Longitude, double Latitude) PointInside()
    {
        var b = commune.Boundary;
        for (var attempt = 0; attempt < 10_000; attempt++)
        {
            var longitude = Math.Round(b.MinLongitude + rng.NextDouble() * (b.MaxLongitude - b.MinLongitude), 6);
            var latitude = Math.Round(b.MinLatitude + rng.NextDouble() * (b.MaxLatitude - b.MinLatitude), 6);
            if (b.Contains(longitude, latitude))
                return (longitude, latitude);
        }
        throw new InvalidOperationException($"No point found inside the boundary of commune {commune.Code}.");
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[rng.Next(items.Count)];
}
