using Berceau.Domain.Schema;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Berceau.Domain.Tests.Schema;

/// <summary>The annual report's reading of the « états d'avancement »: the state at a year's end, the changes of a year, the year asked.</summary>
public sealed class ProgressHistoryTests
{
    private static readonly DateTimeOffset Written = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly YearEnd = new(2024, 12, 31);

    private static ProgressUpdate Update(int year, int month, int day, ProgressState state, int minute = 0) =>
        new() { On = new DateOnly(year, month, day), State = state, Comment = "Un point.", At = Written.AddMinutes(minute), By = "u" };

    [Fact]
    public void StateAsOf_IsTheLatestUpdateByDay_NotByWriting()
    {
        List<ProgressUpdate> updates =
        [
            Update(2024, 10, 1, ProgressState.Done, minute: 0),
            Update(2024, 3, 1, ProgressState.InProgress, minute: 5),   // written later, about an earlier day
            Update(2025, 2, 1, ProgressState.Abandoned, minute: 10),
        ];

        Assert.Equal(ProgressState.NotStarted, ProgressHistory.StateAsOf(updates, new DateOnly(2023, 12, 31)));
        Assert.Equal(ProgressState.InProgress, ProgressHistory.StateAsOf(updates, new DateOnly(2024, 9, 30)));
        Assert.Equal(ProgressState.Done, ProgressHistory.StateAsOf(updates, YearEnd));
        Assert.Equal(ProgressState.Abandoned, ProgressHistory.StateAsOf(updates, new DateOnly(2025, 12, 31)));
    }

    [Fact]
    public void Changes_ListTheDaysTheStateMoved_WithTheStateBefore()
    {
        List<ProgressUpdate> updates =
        [
            Update(2023, 6, 1, ProgressState.InProgress),
            Update(2024, 2, 1, ProgressState.InProgress),                // same state: no change
            Update(2024, 5, 1, ProgressState.Done, minute: 1),
            Update(2024, 5, 1, ProgressState.InProgress, minute: 2),     // the day ends « en cours »: no change that day
            Update(2024, 11, 3, ProgressState.Done),
            Update(2025, 1, 5, ProgressState.Abandoned),
        ];

        var changes = ProgressHistory.Changes(updates, new DateOnly(2024, 1, 1), YearEnd);

        Assert.Equal([new StateChange(new DateOnly(2024, 11, 3), ProgressState.InProgress, ProgressState.Done)], changes);
    }

    [Fact]
    public void TallyAsOf_CountsEachFicheByItsStateThatDay()
    {
        IEnumerable<ProgressUpdate>[] sheets =
        [
            [Update(2024, 3, 1, ProgressState.Done)],
            [Update(2024, 3, 1, ProgressState.InProgress), Update(2025, 3, 1, ProgressState.Done)],
            [],
            [Update(2024, 1, 1, ProgressState.Abandoned)],
        ];

        var tally = ProgressHistory.TallyAsOf(sheets, YearEnd);

        Assert.Equal(new ProgressTally(1, 1, 1, 1), tally);
        Assert.Equal(33, tally.DonePercent);   // 1 done of the 3 not abandoned
    }

    private static readonly Gen<ProgressUpdate> AnyUpdate =
        from day in Gen.Choose(0, 3 * 365)
        from state in Gen.Elements(ProgressStates.All.ToArray())
        from minute in Gen.Choose(0, 10_000)
        select new ProgressUpdate { On = new DateOnly(2023, 1, 1).AddDays(day), State = state, Comment = "Un point.", At = Written.AddMinutes(minute), By = "u" };

    private static readonly Gen<List<List<ProgressUpdate>>> Sheets = Gen.ListOf(Gen.ListOf(AnyUpdate).Select(l => l.ToList())).Select(l => l.ToList());

    [Property]
    public Property AYearsFigures_AreUnchangedByUpdatesDatedAfterIt() =>
        Prop.ForAll(Sheets.ToArbitrary(), Gen.ListOf(Gen.ListOf(AnyUpdate.Select(u => new ProgressUpdate
            { On = u.On.AddYears(3), State = u.State, Comment = u.Comment, At = u.At, By = u.By })).Select(l => l.ToList())).Select(l => l.ToList()).ToArbitrary(),
            (sheets, later) =>
            {
                // later: updates dated 2026 to 2028, after the year 2024, added to the fiches (written before or after, whatever)
                var before = ProgressHistory.TallyAsOf(sheets, YearEnd);
                var changesBefore = sheets.Select(s => ProgressHistory.Changes(s, new DateOnly(2024, 1, 1), YearEnd)).ToList();
                var after = sheets.Select((s, i) => s.Concat(i < later.Count ? later[i] : []).ToList()).ToList();
                return before == ProgressHistory.TallyAsOf(after, YearEnd)
                    && changesBefore.Zip(after, (c, s) => c.SequenceEqual(ProgressHistory.Changes(s, new DateOnly(2024, 1, 1), YearEnd))).All(x => x);
            });

    [Property]
    public Property TheStateAtTheEnd_IsTheLastChangesState() =>
        Prop.ForAll(Gen.ListOf(AnyUpdate).Select(l => l.ToList()).ToArbitrary(), updates =>
        {
            var changes = ProgressHistory.Changes(updates, new DateOnly(2024, 1, 1), YearEnd);
            var start = ProgressHistory.StateAsOf(updates, new DateOnly(2023, 12, 31));
            return (changes.Count == 0 ? start : changes[^1].To) == ProgressHistory.StateAsOf(updates, YearEnd)
                && changes.Zip(changes.Skip(1), (a, b) => a.To == b.From && a.On < b.On).All(x => x)
                && (changes.Count == 0 || changes[0].From == start);
        });

    [Fact]
    public void TheRecordedState_IsTheStateAsOfTheLatestDay()
    {
        var sheet = ActionSheet.Create(SdsfId.New(), Guid.NewGuid(), "1.1", [], new ActionSheetContent("Intitulé", null, null, null, null, null, []), Written).Value;
        sheet.RecordProgress(new DateOnly(2025, 6, 1), ProgressState.Done, "Réalisée.", new DateOnly(2026, 11, 23), Written, "u");
        sheet.RecordProgress(new DateOnly(2024, 6, 1), ProgressState.InProgress, "En cours.", new DateOnly(2026, 11, 23), Written.AddMinutes(1), "u");

        Assert.Equal(sheet.State, ProgressHistory.StateAsOf(sheet.Updates, new DateOnly(2026, 11, 23)));
        Assert.Equal(ProgressState.InProgress, ProgressHistory.StateAsOf(sheet.Updates, YearEnd));
    }

    private static Sdsf Schema(int start, int end) => Sdsf.Create("93", "Schéma", start, end, null, Written).Value;

    [Theory]
    [InlineData("2024", 2024)]
    [InlineData(" 2026 ", 2026)]
    [InlineData("2027", 2027)]   // the year after the last: the closing year's report
    public void Year_WithinThePeriodOrTheYearAfter_IsAccepted(string text, int year) =>
        Assert.Equal(year, AnnualReportYear.Parse(text, Schema(2024, 2026), currentYear: 2028).Value);

    [Theory]
    [InlineData(null, "schema-annual-year")]
    [InlineData("deux mille", "schema-annual-year")]
    [InlineData("-2025", "schema-annual-year")]
    [InlineData("1999", "schema-annual-year-range")]
    [InlineData("2101", "schema-annual-year-range")]
    [InlineData("99999999999", "schema-annual-year")]
    [InlineData("2023", "schema-annual-year-before")]
    [InlineData("2028", "schema-annual-year-after")]
    public void Year_Wrong_IsRefusedWithItsMessage(string? text, string code)
    {
        var problem = Assert.Single(AnnualReportYear.Parse(text, Schema(2024, 2026), currentYear: 2030).Problems);
        Assert.Equal((code, "annee"), (problem.Code, problem.Field));
        Assert.NotEqual(code, problem.Message);   // a French text, not the code
    }

    [Fact]
    public void Year_NotBegun_IsRefused_AndTheChoicesStopAtTheCurrentYear()
    {
        var schema = Schema(2024, 2026);
        Assert.Equal("schema-annual-year-future", Assert.Single(AnnualReportYear.Parse("2026", schema, currentYear: 2025).Problems).Code);
        Assert.Equal([2025, 2024], AnnualReportYear.Choices(schema, 2025));
        Assert.Equal([2027, 2026, 2025, 2024], AnnualReportYear.Choices(schema, 2030));
        Assert.Empty(AnnualReportYear.Choices(schema, 2023));
        Assert.Null(AnnualReportYear.Default(schema, 2023));
        Assert.Equal(2025, AnnualReportYear.Default(schema, 2025));
    }
}
