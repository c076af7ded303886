using Berceau.Domain.Schema;

namespace Berceau.Web.Features.Schema;

/// <summary>What the fiche's content block (_SheetContent) shows, the same on the staff page and the public page.</summary>
/// <summary><paramref name="Communes"/>: the names of the département's communes (INSEE code → name), for the « places prévues ».</summary>
public sealed record SheetContent(ActionSheet Sheet, string? Pilot, IReadOnlyList<string> CoPilots, IReadOnlyDictionary<string, string> Communes);
