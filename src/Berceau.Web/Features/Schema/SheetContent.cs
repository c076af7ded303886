using Berceau.Domain.Schema;

namespace Berceau.Web.Features.Schema;

/// <summary>What the fiche's content block (_SheetContent) shows, the same on the staff page and the public page.</summary>
public sealed record SheetContent(ActionSheet Sheet, string? Pilot, IReadOnlyList<string> CoPilots);
