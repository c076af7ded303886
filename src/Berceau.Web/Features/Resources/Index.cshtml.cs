using Berceau.Data;
using Berceau.Domain.Offer;
using Berceau.Domain.Resources;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Resources;

/// <summary>An inclusive structure of the registry (its fiche says it welcomes children with a disability).</summary>
public sealed record InclusiveStructure(Guid Id, string Name, CareMode Mode, string CommuneCode);

/// <summary>
/// The public disability directory (/handicap): the published entries and the inclusive structures of the registry, searched by
/// words (without case nor accents), commune and type. The directory is small (tens of entries): it is filtered in memory, the same
/// way on every database. An unknown value in the address filters nothing (a shared link still works).
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(BerceauDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>The « type » filter value that keeps only the inclusive structures of the registry.</summary>
    public const string RegistryKind = "structures";

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Commune { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }

    public IReadOnlyList<DisabilityResource> Entries { get; private set; } = [];
    public IReadOnlyList<InclusiveStructure> Structures { get; private set; } = [];
    public IReadOnlyDictionary<string, string> CommuneNames { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<SelectListItem> CommuneItems { get; private set; } = [];

    public static IReadOnlyList<SelectListItem> TypeItems { get; } =
        [.. DisabilityResourceLabels.Kinds.Select(k => new SelectListItem(k.Label(), k.ToString())), new("Crèches et MAM inclusives du registre", RegistryKind)];

    public bool Filtered => !string.IsNullOrWhiteSpace(Q) || Commune is not null || Type is not null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = ParisTime.DayOf(clock.GetUtcNow());
        var entries = await db.DisabilityResources.AsNoTracking().Where(r => !r.Withdrawn).ToListAsync(ct);
        var structures = await db.Facilities.AsNoTracking()
            .Where(f => f.DisabilityInclusion && f.Mode != CareMode.Rpe && f.Mode != CareMode.Laep && (f.ClosedOn == null || f.ClosedOn > today))
            .Select(f => new InclusiveStructure(f.Id.Value, f.Name, f.Mode, f.CommuneCode)).ToListAsync(ct);
        var codes = entries.Select(e => e.CommuneCode).Concat(structures.Select(s => s.CommuneCode)).Distinct().ToList();
        CommuneNames = await db.Communes.AsNoTracking().Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        CommuneItems = [.. CommuneNames.OrderBy(c => c.Value, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true))
            .Select(c => new SelectListItem(c.Value, c.Key))];

        if (Commune is not null && !CommuneNames.ContainsKey(Commune)) Commune = null;
        DisabilityResourceKind? kind = Enum.TryParse<DisabilityResourceKind>(Type, out var k) && Enum.IsDefined(k) ? k : null;
        if (kind is null && Type != RegistryKind) Type = null;

        Entries = Type == RegistryKind ? [] : [.. entries
            .Where(e => (Commune is null || e.CommuneCode == Commune) && (kind is null || e.Kind == kind)
                && SearchText.Matches(Q, e.Name, e.Description, e.Kind.Label(), CommuneNames.GetValueOrDefault(e.CommuneCode)))
            .OrderBy(e => e.Kind).ThenBy(e => e.Name, StringComparer.Ordinal)];
        Structures = kind is not null ? [] : [.. structures
            .Where(s => (Commune is null || s.CommuneCode == Commune) && SearchText.Matches(Q, s.Name, s.Mode.Label(), CommuneNames.GetValueOrDefault(s.CommuneCode), "inclusive crèche"))
            .OrderBy(s => s.Name, StringComparer.Ordinal)];
    }
}
