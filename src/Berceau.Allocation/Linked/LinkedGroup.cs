using System.Text.Json.Serialization;

namespace Berceau.Allocation.Linked;

/// <summary>
/// Applications that must be placed in the same structure or not at all: twins, or siblings applying together (extension
/// "linked groups" of the contract, docs/allocation-linked.md). Members keep their own sections (ages differ), scores and
/// categories; their wishes name the same structures in the same order.
/// </summary>
public sealed record LinkedGroup(string Id, IReadOnlyList<string> Applications);

/// <summary>
/// What the exclusion rounds did (the result's <c>linked</c> section). <see cref="Rounds"/>: how many times the engine ran,
/// at least 1.
/// </summary>
public sealed record LinkedResult(int Rounds, IReadOnlyList<LinkedGroupResult> Groups);

/// <summary>
/// One group after the rounds, groups in id order, applications in id order. <see cref="Structure"/>: where all members are,
/// null when none is placed. <see cref="Excluded"/>: the structures the group's wishes were withdrawn from, in wish order.
/// <see cref="BlockingAt"/>: excluded structures the group prefers to its outcome and where the final allocation would
/// nevertheless take every member: the procedure could not reach a stable answer for this group (empty in most cases).
/// </summary>
public sealed record LinkedGroupResult(
    string Id,
    IReadOnlyList<string> Applications,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Structure,
    IReadOnlyList<string> Excluded,
    IReadOnlyList<string> BlockingAt);
