using System.Globalization;
using Berceau.Domain.Common;

namespace Berceau.Domain.Schema;

/// <summary>A fiche's state changing on a day: the state at the end of the day before, and at the end of that day.</summary>
public sealed record StateChange(DateOnly On, ProgressState From, ProgressState To);

/// <summary>
/// A fiche's « états d'avancement » read at a past day, for the annual report. States go by the day an update describes (its
/// <see cref="ProgressUpdate.On"/>), never by when it was written: the state on a day is the latest update dated that day or
/// before (two of the same day: the later written), as <see cref="ActionSheet.RecordProgress"/> sets the current one. So an update
/// dated after a year never changes that year's figures.
/// </summary>
public static class ProgressHistory
{
    /// <summary>The update that gives the state at the end of <paramref name="day"/>; null when nothing was reported by then.</summary>
    public static ProgressUpdate? LatestAsOf(IEnumerable<ProgressUpdate> updates, DateOnly day) =>
        updates.Where(u => u.On <= day).OrderBy(u => u.On).ThenBy(u => u.At).LastOrDefault();

    /// <summary>The state at the end of <paramref name="day"/>: « non démarrée » until a first update.</summary>
    public static ProgressState StateAsOf(IEnumerable<ProgressUpdate> updates, DateOnly day) =>
        LatestAsOf(updates, day)?.State ?? ProgressState.NotStarted;

    /// <summary>The fiches per state at the end of <paramref name="day"/>.</summary>
    public static ProgressTally TallyAsOf(IEnumerable<IEnumerable<ProgressUpdate>> sheets, DateOnly day) =>
        ProgressTally.Of(sheets.Select(updates => StateAsOf(updates, day)));

    /// <summary>
    /// The days from <paramref name="from"/> to <paramref name="to"/> (inclusive) at whose end the state differs from the day
    /// before, in order. An update that repeats the state is no change; two updates of one day count as their last.
    /// </summary>
    public static IReadOnlyList<StateChange> Changes(IReadOnlyCollection<ProgressUpdate> updates, DateOnly from, DateOnly to)
    {
        var changes = new List<StateChange>();
        var state = StateAsOf(updates, from.AddDays(-1));
        foreach (var day in updates.Where(u => u.On >= from && u.On <= to).GroupBy(u => u.On).OrderBy(g => g.Key))
        {
            var end = day.OrderBy(u => u.At).Last().State;
            if (end != state) changes.Add(new StateChange(day.Key, state, end));
            state = end;
        }
        return changes;
    }

    /// <summary>The updates dated in <paramref name="year"/>, by day then by when they were written.</summary>
    public static IEnumerable<ProgressUpdate> DatedIn(IEnumerable<ProgressUpdate> updates, int year) =>
        updates.Where(u => u.On.Year == year).OrderBy(u => u.On).ThenBy(u => u.At);
}

/// <summary>
/// The year of an annual report of a schéma, as typed in <c>?annee=</c>: a number from <see cref="Sdsf.MinYear"/> to
/// <see cref="Sdsf.MaxYear"/>, from the schéma's first year to the year after its last (the report of the closing year is often
/// written the next one), and not after the current year (a year not begun has nothing to report).
/// </summary>
public static class AnnualReportYear
{
    /// <summary>The years a report may be asked for, the latest first (empty while the schéma has not begun).</summary>
    public static IReadOnlyList<int> Choices(Sdsf schema, int currentYear) =>
        [.. Enumerable.Range(schema.StartYear, Math.Max(0, Math.Min(schema.EndYear + 1, currentYear) - schema.StartYear + 1)).Reverse()];

    /// <summary>The default year: the current one while the schéma runs, else the year after its last (or its last when that has not come).</summary>
    public static int? Default(Sdsf schema, int currentYear) => Choices(schema, currentYear) is [var latest, ..] ? latest : null;

    public static Outcome<int> Parse(string? text, Sdsf schema, int currentYear)
    {
        const string field = "annee";
        if (!int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            return Problem.Of("schema-annual-year", field);
        if (year < Sdsf.MinYear || year > Sdsf.MaxYear)
            return Problem.Of("schema-annual-year-range", field, Sdsf.MinYear, Sdsf.MaxYear);
        if (year < schema.StartYear)
            return Problem.Of("schema-annual-year-before", field, year, schema.Period, schema.StartYear);
        if (year > schema.EndYear + 1)
            return Problem.Of("schema-annual-year-after", field, year, schema.Period, schema.EndYear + 1);
        if (year > currentYear)
            return Problem.Of("schema-annual-year-future", field, year);
        return year;
    }
}
