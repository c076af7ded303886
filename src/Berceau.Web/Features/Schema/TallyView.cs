using Berceau.Domain.Schema;

namespace Berceau.Web.Features.Schema;

/// <summary>The counts by state of a report part (_Tally), under a heading of the given level's caption.</summary>
public sealed record TallyView(string Caption, ProgressTally Tally, int Level);
