using System.Text.Json.Serialization;

namespace Berceau.Allocation;

/// <summary>The engine's output, contract version 1. Everything but <see cref="Stats"/>.ElapsedMs is a function of the instance.</summary>
public sealed record Result(
    int Version,
    long? Seed,
    string InstanceHash,
    IReadOnlyList<Assignment> Assignments,
    IReadOnlyList<string> Unassigned,
    IReadOnlyList<SectionResult> Sections,
    IReadOnlyList<Explanation> Explanations,
    IReadOnlyDictionary<string, long> TieBreaks,
    Stats Stats)
{
    /// <summary>Extension "linked groups": what the exclusion rounds did; null for a plain version-1 instance.</summary>
    public Linked.LinkedResult? Linked { get; init; }

    /// <summary>
    /// The explanation of one application, or null when the instance has no such application. The solver's own result finds it
    /// by id without building any other (a page shows a few families of a département's 30,000); a result with linked groups
    /// holds its explanations as a plain list, searched in order.
    /// </summary>
    public Explanation? ExplanationOf(string application) => Explanations is ExplanationList list
        ? list.Find(application)
        : Explanations.FirstOrDefault(e => string.Equals(e.Application, application, StringComparison.Ordinal));
}

/// <summary><see cref="ViaReserve"/>: the category of the reserved seat taken, null for a general seat.</summary>
public sealed record Assignment(string Application, string Structure, string Section, int WishRank, string? ViaReserve);

/// <summary><see cref="Cutoff"/>: the lowest-priority application the section holds, null when it holds nobody.</summary>
public sealed record SectionResult(
    string Id, int Capacity, int Filled,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] Cutoff? Cutoff);

public sealed record Cutoff(int Score, DateOnly Submitted, long TieBreak);

/// <summary>One line per wish, in the family's order, saying what happened to it.</summary>
public sealed record Explanation(string Application, IReadOnlyList<WishExplanation> Wishes);

/// <summary>
/// <see cref="YourScore"/>, <see cref="CutoffScore"/> and <see cref="WaitlistPosition"/> are given for <see cref="WishOutcome.Full"/>
/// only; <see cref="CutoffScore"/> is null when the section holds nobody (capacity 0).
/// </summary>
public readonly record struct WishExplanation(
    int Rank, string Structure, WishOutcome Outcome, int? YourScore = null, int? CutoffScore = null, int? WaitlistPosition = null);

[JsonConverter(typeof(JsonStringEnumConverter<WishOutcome>))]
public enum WishOutcome
{
    [JsonStringEnumMemberName("assigned")] Assigned,
    /// <summary>A better-ranked wish was obtained, so this one was never tried.</summary>
    [JsonStringEnumMemberName("not-needed")] NotNeeded,
    /// <summary>The section chose others: the application ranked below all it kept.</summary>
    [JsonStringEnumMemberName("full")] Full,
    /// <summary>No section of the structure takes the child's age at start.</summary>
    [JsonStringEnumMemberName("not-eligible-age")] NotEligibleAge,
    /// <summary>Extension "linked groups": withdrawn because the group could not be placed there together.</summary>
    [JsonStringEnumMemberName("not-together")] NotTogether,
}

public sealed record Stats(int Applications, int Assigned, int FirstWish, long SeatsOffered, long SeatsFilled, double ElapsedMs);
