namespace Berceau.Allocation;

/// <summary>
/// The engine's input, contract version 1 (docs/allocation.md, contracts/allocation.md). Built by the web app from a snapshot of
/// applications and offer, or read from JSON by <see cref="Json.AllocationJson"/>. Checked by <see cref="AllocationEngine.Validate"/>.
/// </summary>
public sealed record Instance(int Version, long? Seed, IReadOnlyList<Section> Sections, IReadOnlyList<Application> Applications)
{
    public const int CurrentVersion = 1;

    /// <summary>Extension "linked groups" (docs/allocation-linked.md): null or empty, the instance is plain version 1.</summary>
    public IReadOnlyList<Linked.LinkedGroup>? LinkedGroups { get; init; }
}

/// <summary>The unit of capacity. A structure is the set of sections sharing <see cref="Structure"/>, in input order.</summary>
public sealed record Section(
    string Id, string Structure, int Capacity, int MinAgeMonths, int MaxAgeMonths, IReadOnlyList<Reserve> Reserves);

/// <summary>Seats of a section guaranteed first to applications of a category; unfilled, they go back to everyone.</summary>
public readonly record struct Reserve(string Category, int Seats);

/// <summary>
/// One family's application. <see cref="TieBreak"/> null: drawn from the instance seed (see <see cref="TieBreakDraw"/>).
/// </summary>
public sealed record Application(
    string Id, int AgeMonthsAtStart, DateOnly Submitted, IReadOnlyList<string> Categories, long? TieBreak, IReadOnlyList<Wish> Wishes);

/// <summary>A wished structure, most wanted first; <see cref="Score"/> is the points of this application at that structure.</summary>
public readonly record struct Wish(string Structure, int Score);
