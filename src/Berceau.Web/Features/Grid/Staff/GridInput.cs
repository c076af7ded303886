using System.Globalization;
using Berceau.Domain.Common;
using Berceau.Domain.Grid;
using Berceau.Web.Features.Portal;

namespace Berceau.Web.Features.Grid.Staff;

/// <summary>The publish form as typed: every number is text until parsed, so that a wrong value is told, not silently zero.</summary>
public sealed class GridInput
{
    public const int Bands = 5;
    public const int Bonuses = 5;

    public string? ValidFrom { get; set; }
    public string? Employed { get; set; }
    public string? Training { get; set; }
    public string? JobSeeker { get; set; }
    public string? Insertion { get; set; }
    public string? Other { get; set; }
    public string? SingleParent { get; set; }
    private string?[] _bandUpTo = new string?[Bands];
    private string?[] _bandPoints = new string?[Bands];

    // The binder makes arrays as long as what was posted: the form always shows every band, so they are padded.
    public string?[] BandUpTo { get => _bandUpTo; set => _bandUpTo = Padded(value); }
    public string?[] BandPoints { get => _bandPoints; set => _bandPoints = Padded(value); }

    private string?[] _bonusStructure = new string?[Bonuses];
    private string?[] _bonusCondition = new string?[Bonuses];
    private string?[] _bonusPoints = new string?[Bonuses];

    public string?[] BonusStructure { get => _bonusStructure; set => _bonusStructure = Padded(value, Bonuses); }
    public string?[] BonusCondition { get => _bonusCondition; set => _bonusCondition = Padded(value, Bonuses); }
    public string?[] BonusPoints { get => _bonusPoints; set => _bonusPoints = Padded(value, Bonuses); }

    private static string?[] Padded(string?[]? values, int length = Bands)
    {
        var padded = new string?[length];
        Array.Copy(values ?? [], padded, Math.Min(length, values?.Length ?? 0));
        return padded;
    }
    public string? SiblingInStructure { get; set; }
    public string? DisabilityInHousehold { get; set; }
    public string? SocialSupport { get; set; }
    public string? PointsPerMonthWaited { get; set; }
    public string? MaxMonthsCounted { get; set; }
    public string? HomeSector { get; set; }
    public string? PartnerEmployer { get; set; }

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static GridInput From(PointsGrid? grid, DateOnly validFrom)
    {
        string N(int value) => value.ToString(CultureInfo.InvariantCulture);
        var input = new GridInput { ValidFrom = validFrom.ToString("dd/MM/yyyy", French) };
        if (grid is null) return input;
        (input.Employed, input.Training, input.JobSeeker, input.Insertion, input.Other) =
            (N(grid.PerParent.Employed), N(grid.PerParent.Training), N(grid.PerParent.JobSeeker), N(grid.PerParent.Insertion), N(grid.PerParent.Other));
        input.SingleParent = N(grid.SingleParent);
        for (var i = 0; i < Math.Min(Bands, grid.QuotientBands.Count); i++)
        {
            input.BandUpTo[i] = grid.QuotientBands[i].UpTo?.ToString("0.##", French);
            input.BandPoints[i] = N(grid.QuotientBands[i].Points);
        }
        input.SiblingInStructure = N(grid.SiblingInStructure);
        input.DisabilityInHousehold = N(grid.DisabilityInHousehold);
        input.SocialSupport = N(grid.SocialSupport);
        input.PointsPerMonthWaited = N(grid.PointsPerMonthWaited);
        input.MaxMonthsCounted = N(grid.MaxMonthsCounted);
        input.HomeSector = N(grid.HomeSector);
        input.PartnerEmployer = N(grid.PartnerEmployer);
        for (var i = 0; i < Math.Min(Bonuses, grid.StructureBonuses.Count); i++)
        {
            var bonus = grid.StructureBonuses[i];
            (input.BonusStructure[i], input.BonusCondition[i], input.BonusPoints[i]) =
                (bonus.Structure.Value.ToString(), bonus.Condition.ToString(), N(bonus.Points));
        }
        return input;
    }

    /// <summary>The grid typed, or every field that could not be read (field names as in the form).</summary>
    /// <param name="structures">The commune's structures: a bonus may only name one of them.</param>
    public Outcome<PointsGrid> Parse(string communeCode, IReadOnlySet<Guid> structures)
    {
        var problems = new List<Problem>();
        int Int(string? text, string field)
        {
            if (int.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
            problems.Add(Problem.Of(string.IsNullOrWhiteSpace(text) ? "required" : "not-a-number", field));
            return 0;
        }

        DateOnly from = default;
        if (!DateOnly.TryParseExact(ValidFrom?.Trim(), "dd/MM/yyyy", French, DateTimeStyles.None, out from))
            problems.Add(Problem.Of("not-a-date", nameof(ValidFrom)));
        var bands = new List<QuotientBand>();
        for (var i = 0; i < Bands; i++)
        {
            var upTo = BandUpTo.ElementAtOrDefault(i);
            var points = BandPoints.ElementAtOrDefault(i);
            if (string.IsNullOrWhiteSpace(upTo) && string.IsNullOrWhiteSpace(points)) continue;
            decimal? limit = null;
            if (!string.IsNullOrWhiteSpace(upTo))
            {
                if (PortalInput.TryNumber(upTo, out var value)) limit = value;
                else problems.Add(Problem.Of("not-a-number", $"BandUpTo[{i}]"));
            }
            bands.Add(new QuotientBand(limit, Int(points, $"BandPoints[{i}]")));
        }
        var bonuses = new List<StructureBonus>();
        for (var i = 0; i < Bonuses; i++)
        {
            if (string.IsNullOrWhiteSpace(BonusStructure[i]) && string.IsNullOrWhiteSpace(BonusCondition[i]) && string.IsNullOrWhiteSpace(BonusPoints[i])) continue;
            var known = Guid.TryParse(BonusStructure[i], out var structure) && structures.Contains(structure);
            if (!known) problems.Add(Problem.Of("grid-bonus-structure", $"BonusStructure[{i}]"));
            var condition = default(Domain.Grid.BonusCondition);
            if (!Enum.TryParse(BonusCondition[i], out condition) || !Enum.IsDefined(condition))
                problems.Add(Problem.Of("grid-bonus-condition", $"BonusCondition[{i}]"));
            var points = Int(BonusPoints[i], $"BonusPoints[{i}]");
            if (known) bonuses.Add(new StructureBonus(new Domain.Offer.FacilityId(structure), condition, points));
        }
        var grid = new PointsGrid
        {
            CommuneCode = communeCode, Version = 0, ValidFrom = from,
            PerParent = new SituationPoints(Int(Employed, nameof(Employed)), Int(Training, nameof(Training)), Int(JobSeeker, nameof(JobSeeker)),
                Int(Insertion, nameof(Insertion)), Int(Other, nameof(Other))),
            SingleParent = Int(SingleParent, nameof(SingleParent)),
            QuotientBands = bands,
            SiblingInStructure = Int(SiblingInStructure, nameof(SiblingInStructure)),
            DisabilityInHousehold = Int(DisabilityInHousehold, nameof(DisabilityInHousehold)),
            SocialSupport = Int(SocialSupport, nameof(SocialSupport)),
            PointsPerMonthWaited = Int(PointsPerMonthWaited, nameof(PointsPerMonthWaited)),
            MaxMonthsCounted = Int(MaxMonthsCounted, nameof(MaxMonthsCounted)),
            HomeSector = Int(HomeSector, nameof(HomeSector)),
            PartnerEmployer = Int(PartnerEmployer, nameof(PartnerEmployer)),
            StructureBonuses = bonuses,
        };
        return problems.Count == 0 ? grid : Outcome<PointsGrid>.Failure(problems);
    }

    /// <summary>The form's field for a domain field name (the domain names bands "QuotientBands[i].UpTo").</summary>
    public static string FieldOf(string domainField) => domainField switch
    {
        _ when domainField.StartsWith("QuotientBands[", StringComparison.Ordinal) =>
            (domainField.EndsWith(".UpTo", StringComparison.Ordinal) ? "BandUpTo" : "BandPoints") + domainField["QuotientBands".Length..domainField.IndexOf(']', StringComparison.Ordinal)] + "]",
        _ when domainField.StartsWith("PerParent.", StringComparison.Ordinal) => domainField["PerParent.".Length..],
        _ when domainField.StartsWith("StructureBonuses[", StringComparison.Ordinal) =>
            "BonusPoints" + domainField["StructureBonuses".Length..(domainField.IndexOf(']', StringComparison.Ordinal) + 1)],
        _ => domainField,
    };
}
