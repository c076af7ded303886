using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Domain.Resources;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Resources.Staff;

/// <summary>
/// An entry of the disability directory: new (/pro/handicap/fiche) or corrected (/pro/handicap/fiche/{id}), withdrawn from the
/// public page or published again (<see cref="DirectoryEntryPage{T, TInput}"/>).
/// </summary>
public sealed class EditModel(DirectoryEntries entries, BerceauDbContext db) : DirectoryEntryPage<DisabilityResource, ResourceInput>(entries, db)
{
    public static IReadOnlyList<SelectListItem> KindItems { get; } = [.. DisabilityResourceLabels.Kinds.Select(k => new SelectListItem(k.Label(), k.ToString()))];

    protected override string Subject => "La fiche";
    protected override ResourceInput InputFrom(DisabilityResource entry) => ResourceInput.From(entry);
    protected override int VersionOf(ResourceInput input) => input.Version;
    protected override Task<Outcome<Guid>> SaveAsync(DisabilityResource? existing, ResourceInput input, CancellationToken ct) => entries.SaveAsync(existing, input, ct);
    protected override string EditPath(Guid id) => ResourcesFeature.EditPath(id);
}
