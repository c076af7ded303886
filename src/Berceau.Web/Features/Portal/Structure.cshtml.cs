using Berceau.Data;
using Berceau.Domain.Fees;
using Berceau.Domain.Offer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Portal;

/// <summary>
/// Everything a parent wants to know about one place of care, in plain French, and — when the family has filled the cost
/// simulator (its figures are in the <see cref="SimulationCookie"/>) — what it would cost this family.
/// </summary>
[AllowAnonymous]
public sealed class StructureModel(BerceauDbContext db, TimeProvider clock, IConfiguration configuration, Staffing.OpenCapacity capacity) : PageModel
{
    public Facility Facility { get; private set; } = null!;
    public string CommuneName { get; private set; } = "";
    /// <summary>The sector of the commune the facility is attached to, if any.</summary>
    public string? SectorName { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<SectionView> Sections { get; private set; } = [];

    /// <summary>Free places declared without a section (childminders, MAM) or for a section no longer listed.</summary>
    public IReadOnlyList<Vacancy> OtherVacancies { get; private set; } = [];

    /// <summary>Places gelées faute de personnel today, by section (docs/staffing.md).</summary>
    public IReadOnlyDictionary<Guid, int> FrozenBySection { get; private set; } = new Dictionary<Guid, int>();

    public int Frozen => FrozenBySection.Values.Sum();

    public int FrozenIn(Section section) => FrozenBySection.GetValueOrDefault(section.Id);

    public StructureCost? Cost { get; private set; }
    public bool HasSimulation { get; private set; }
    public string? TileUrl { get; } = string.IsNullOrWhiteSpace(configuration["Map:TileUrl"]) ? null : configuration["Map:TileUrl"];
    public string? TileAttribution { get; } = string.IsNullOrWhiteSpace(configuration["Map:TileAttribution"]) ? null : configuration["Map:TileAttribution"];

    public bool IsClosed => Facility.ClosedOn is { } closed && closed <= Today;

    /// <summary>A childminder works at home: the page never shows the street and places the point roughly (about 1 km).</summary>
    public bool IsPrivateHome => Facility.Mode == CareMode.AssistantMaternel;

    public double MapLatitude => IsPrivateHome ? Math.Round(Facility.Latitude, 2, MidpointRounding.AwayFromZero) : Facility.Latitude;
    public double MapLongitude => IsPrivateHome ? Math.Round(Facility.Longitude, 2, MidpointRounding.AwayFromZero) : Facility.Longitude;

    public string SimulatorHref { get; private set; } = "/simulateur";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var facilityId = new FacilityId(id);
        var facility = await db.Facilities.AsNoTracking()
            .Include(f => f.Sections)
            .Include(f => f.Vacancies)
            .AsSplitQuery()
            .FirstOrDefaultAsync(f => f.Id == facilityId, ct);
        if (facility is null) return NotFound();

        Facility = facility;
        var now = clock.GetUtcNow();
        Today = DateOnly.FromDateTime(now.UtcDateTime);
        CommuneName = await db.Communes.Where(c => c.Code == facility.CommuneCode).Select(c => c.Name).FirstOrDefaultAsync(ct)
            ?? facility.CommuneCode;
        SectorName = facility.SectorId is { } sectorId
            ? await db.Sectors.Where(s => s.Id == sectorId).Select(s => s.Name).FirstOrDefaultAsync(ct)
            : null;

        FrozenBySection = (await capacity.BySectionAsync(facility, Today, ct)).Where(c => c.Frozen > 0).ToDictionary(c => c.SectionId, c => c.Frozen);

        // Only fresh declarations count, as in the search (a declaration older than 2 months is stale).
        var fresh = facility.Vacancies.Where(v => v.IsFresh(now)).OrderBy(v => v.From).ToList();
        Sections = [.. facility.Sections
            .OrderBy(s => s.MinAgeMonths).ThenBy(s => s.Name)
            .Select(s => new SectionView(s, [.. fresh.Where(v => v.SectionId == s.Id)]))];
        var sectionIds = facility.Sections.Select(s => s.Id).ToHashSet();
        OtherVacancies = [.. fresh.Where(v => v.SectionId is null || !sectionIds.Contains(v.SectionId.Value))];

        var returnTo = "/structures/" + id;
        var figures = SimulationCookie.Read(Request);
        SimulatorHref = "/simulateur?" + (figures is null ? "" : figures.ToQueryString() + "&")
            + nameof(SimulatorModel.ReturnTo) + "=" + Uri.EscapeDataString(returnTo);
        if (figures is not null && !IsClosed && !facility.Mode.IsService())
        {
            var input = figures.Parse();
            HasSimulation = input.IsSuccess;
            if (input.IsSuccess)
                Cost = await CostAsync(facility, input.Value, ct);
        }
        return Page();
    }

    private async Task<StructureCost?> CostAsync(Facility facility, SimulationInput input, CancellationToken ct)
    {
        var all = await db.FeeParameters.AsNoTracking().ToListAsync(ct);
        var parameters = FeeParameterSet.Resolve(all, Today);
        if (!parameters.IsSuccess) return new StructureCost(StructureCostKind.Unavailable, null, null, null);

        var mode = facility.Mode;
        if (mode.IsCollective() && facility.IsPsu)
        {
            // Crèches familiales and parentales have their own (lower) barème.
            var scale = mode is CareMode.CrecheFamiliale or CareMode.CrecheParentale ? PsuCareMode.FamilyOrParental : PsuCareMode.Collective;
            var psu = PsuFee.Compute(
                new PsuFeeInput(input.AnnualResources, input.ChildrenInHousehold, input.DisabledChildInHousehold, scale,
                    input.HoursPerWeek, input.WeeksPerYear),
                parameters.Value.Psu);
            return psu.IsSuccess ? new StructureCost(StructureCostKind.Psu, psu.Value, null, input) : null;
        }
        if (mode is CareMode.AssistantMaternel or CareMode.Mam)
        {
            var cmg = CmgEstimate.ForAssistantMaternel(
                new CmgInput(input.AnnualResources, input.ChildrenInHousehold, input.DisabledChildInHousehold,
                    input.HoursPerWeek, input.WeeksPerYear, input.AmHourlyWage),
                parameters.Value);
            return cmg.IsSuccess ? new StructureCost(StructureCostKind.Childminder, null, cmg.Value, input) : null;
        }
        if (mode is CareMode.GardeDomicile)
        {
            var cmg = CmgEstimate.ForGardeDomicile(
                new CmgInput(input.AnnualResources, input.ChildrenInHousehold, input.DisabledChildInHousehold,
                    input.HoursPerWeek, input.WeeksPerYear, input.HomeCareHourlyWage),
                parameters.Value);
            return cmg.IsSuccess ? new StructureCost(StructureCostKind.HomeCare, null, cmg.Value, input) : null;
        }
        return new StructureCost(StructureCostKind.OwnPrices, null, null, input);
    }
}

public sealed record SectionView(Section Section, IReadOnlyList<Vacancy> Vacancies);

public enum StructureCostKind { Psu, Childminder, HomeCare, OwnPrices, Unavailable }

/// <summary>What this family would pay here: the PSU barème, or an employee's wage less the CMG, or "ask the structure".</summary>
public sealed record StructureCost(StructureCostKind Kind, PsuFeeResult? Psu, CmgResult? Cmg, SimulationInput? Input);
