using Berceau.Domain.Schema;

namespace Berceau.Domain.Tests.Schema;

public sealed class ActionSheetTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static ActionSheet Sheet(string number = "1.1") =>
        ActionSheet.Create(SdsfId.New(), Guid.NewGuid(), number, [], new ActionSheetContent("Intitulé", null, null, null, null, null, []), Now).Value;

    [Fact]
    public void ANewSheet_IsANotStartedDraft()
    {
        var sheet = Sheet();
        Assert.Equal((ProgressState.NotStarted, false, (DateOnly?)null), (sheet.State, sheet.IsPublished, sheet.StateOn));
    }

    [Fact]
    public void Progress_TheStateIsTheLatestDaysUpdate_EvenWhenAnEarlierDayIsWrittenLater()
    {
        var sheet = Sheet();
        Assert.True(sheet.RecordProgress(new DateOnly(2026, 10, 1), ProgressState.Done, "Terminée en octobre.", Today, Now, "u").IsSuccess);
        Assert.True(sheet.RecordProgress(new DateOnly(2026, 3, 1), ProgressState.InProgress, "Point de mars.", Today, Now.AddHours(1), "u").IsSuccess);

        Assert.Equal((ProgressState.Done, new DateOnly(2026, 10, 1), 2, 2), (sheet.State, sheet.StateOn!.Value, sheet.Updates.Count, sheet.Version));
    }

    [Theory]
    [InlineData("2026-11-24", "InProgress", "Un commentaire", "On")]
    [InlineData("2026-11-01", null, "Un commentaire", "State")]
    [InlineData("2026-11-01", "Done", "ok", "Comment")]
    public void Progress_BadInput_IsRefusedOnItsField_AndChangesNothing(string on, string? state, string comment, string field)
    {
        var sheet = Sheet();
        var outcome = sheet.RecordProgress(DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture),
            state is null ? null : Enum.Parse<ProgressState>(state), comment, Today, Now, "u");

        Assert.Equal(field, Assert.Single(outcome.Problems).Field);
        Assert.Equal((0, 0, ProgressState.NotStarted), (sheet.Updates.Count, sheet.Version, sheet.State));
    }

    [Theory]
    [InlineData("1.a")]
    [InlineData("1..2")]
    [InlineData("12345678901")]
    [InlineData("")]
    public void Create_RefusesANumberThatIsNotDigitsAndDots(string number)
    {
        var created = ActionSheet.Create(SdsfId.New(), Guid.NewGuid(), number, [], new ActionSheetContent("Intitulé", null, null, null, null, null, []), Now);
        Assert.Equal("Number", Assert.Single(created.Problems).Field);
    }

    [Fact]
    public void SortKey_OrdersNumbersPartByPart()
    {
        string[] numbers = ["1.10", "2", "1.2", "10", "1.1"];
        Assert.Equal(["1.1", "1.2", "1.10", "2", "10"], numbers.OrderBy(ActionSheet.SortKey, StringComparer.Ordinal));
    }

    [Fact]
    public void Pilots_AnOrganisationPilotsWhenItIsThePilotOrACoPilot()
    {
        var sheet = Sheet();
        var pilot = PartnerOrganisationId.New();
        var coPilot = PartnerOrganisationId.New();
        sheet.AssignPilots(pilot, [coPilot, pilot]);

        Assert.True(sheet.IsPilotedBy([pilot]));
        Assert.True(sheet.IsPilotedBy([coPilot]));
        Assert.False(sheet.IsPilotedBy([PartnerOrganisationId.New()]));
        Assert.Single(sheet.CoPilots);
    }

    [Fact]
    public void Tally_DonePercent_LeavesAbandonedFichesOut()
    {
        var tally = ProgressTally.Of([ProgressState.Done, ProgressState.InProgress, ProgressState.Abandoned, ProgressState.NotStarted, ProgressState.Done]);
        // 2 done among the 4 fiches not abandoned.
        Assert.Equal((5, 2, 50), (tally.Total, tally.Done, tally.DonePercent!.Value));
        Assert.Null(ProgressTally.Of([ProgressState.Abandoned]).DonePercent);
    }

    [Fact]
    public void Schema_PeriodAndAxes_AreChecked()
    {
        Assert.Equal("EndYear", Assert.Single(Sdsf.Create("93", "S", 2026, 2024, null, Now).Problems).Field);
        var schema = Sdsf.Create("93", "S", 2024, 2026, null, Now).Value;
        Assert.True(schema.AddAxis(1, "Axe").IsSuccess);
        Assert.Equal("Number", Assert.Single(schema.AddAxis(1, "Encore").Problems).Field);
        Assert.Equal("2024-2026", schema.Period);
    }
}
