using Berceau.Web.Features.Commission;
using Engine = Berceau.Allocation;

namespace Berceau.Web.Features.Decisions;

/// <summary>A family waiting for a section: its place in line (the engine's <c>waitlistPosition</c>) and its score there.</summary>
public sealed record WaitingFamily(string InstanceId, int Position, int Score);

/// <summary>
/// The waiting list of one section, as the validated run left it: the applications the section turned down (outcome « full »
/// at its structure) whose child's age the section takes, in the engine's priority order (score, then day of submission, then
/// the tie-break) — the same order the engine used, so a released seat goes to the family the commission would have chosen.
/// </summary>
public static class SectionWaitlist
{
    public static IReadOnlyList<WaitingFamily> Of(Engine.Instance instance, RunView run, string sectionId)
    {
        var section = instance.Sections.FirstOrDefault(s => s.Id == sectionId);
        if (section is null) return [];
        var structureSections = instance.Sections.Where(s => s.Structure == section.Structure).ToList();
        var waiting = new List<(WaitingFamily Family, DateOnly Submitted, long TieBreak)>();
        foreach (var application in instance.Applications)
        {
            var wish = application.Wishes.Select((w, i) => (Wish: w, Rank: i + 1)).FirstOrDefault(w => w.Wish.Structure == section.Structure);
            if (wish.Rank == 0) continue;
            // The engine sends a child to the first section of the structure that takes its age: that section is the one it waits for.
            var eligible = structureSections.FirstOrDefault(s => application.AgeMonthsAtStart >= s.MinAgeMonths && application.AgeMonthsAtStart <= s.MaxAgeMonths);
            if (eligible?.Id != sectionId) continue;
            if (!run.Explanations.TryGetValue(application.Id, out var lines)) continue;
            var line = lines.FirstOrDefault(l => l.Rank == wish.Rank);
            if (line is not { Outcome: "full" }) continue;
            waiting.Add((new WaitingFamily(application.Id, line.WaitlistPosition ?? int.MaxValue, wish.Wish.Score), application.Submitted,
                application.TieBreak ?? 0));
        }
        return [.. waiting.OrderByDescending(w => w.Family.Score).ThenBy(w => w.Submitted).ThenBy(w => w.TieBreak)
            .ThenBy(w => w.Family.InstanceId, StringComparer.Ordinal).Select(w => w.Family)];
    }
}
