using Berceau.Allocation;

namespace Berceau.Allocation.Tests.Support;

/// <summary>Short builders for hand-made instances: a structure with one all-ages section unless said otherwise.</summary>
internal static class Make
{
    public static readonly DateOnly Day = new(2026, 3, 2);

    public static Section Section(string structure, int capacity, params Reserve[] reserves) =>
        new(structure + "-s", structure, capacity, 0, 48, reserves);

    public static Section Section(string id, string structure, int capacity, int minAge, int maxAge, params Reserve[] reserves) =>
        new(id, structure, capacity, minAge, maxAge, reserves);

    public static Application App(string id, params (string Structure, int Score)[] wishes) =>
        App(id, 0, wishes);

    public static Application App(string id, long? tieBreak, params (string Structure, int Score)[] wishes) =>
        new(id, 10, Day, [], tieBreak, wishes.Select(w => new Wish(w.Structure, w.Score)).ToArray());

    public static Instance Instance(IReadOnlyList<Section> sections, params Application[] applications) =>
        new(1, 7, sections, applications);

    /// <summary>Gives every application of the instance a distinct tieBreak following its position, unless it has one.</summary>
    public static Instance WithTieBreaksInOrder(Instance instance) => instance with
    {
        Applications = instance.Applications.Select((a, i) => a.TieBreak is null ? a with { TieBreak = i + 1 } : a).ToArray(),
    };

    public static string? StructureOf(Result result, string application) =>
        result.Assignments.SingleOrDefault(a => a.Application == application)?.Structure;

    public static Assignment? AssignmentOf(Result result, string application) =>
        result.Assignments.SingleOrDefault(a => a.Application == application);

    public static WishExplanation Line(Result result, string application, int rank) =>
        result.Explanations.Single(e => e.Application == application).Wishes[rank - 1];
}
