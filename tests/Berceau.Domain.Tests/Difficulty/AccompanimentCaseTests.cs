using Berceau.Domain.Difficulty;
using Berceau.Domain.Offer;

namespace Berceau.Domain.Tests.Difficulty;

/// <summary>The accompaniment case of a structure: its log, the funding mobilised, closing with an outcome, reopening.</summary>
public class AccompanimentCaseTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly DifficultyAlert[] Alerts = [new(AlertKind.FrozenPlaces, "6 places sur 30 fermées faute de personnel aujourd’hui.")];

    private static AccompanimentCase Opened() =>
        AccompanimentCase.Open(FacilityId.New(), "93048", AccompanimentOrigin.Alert, Alerts, "Section des bébés fermée", Today, Now, "conseillere").Value;

    [Fact]
    public void Opening_WritesTheReason_AndTheAlertsReadAtTheOpening()
    {
        var c = Opened();

        var first = Assert.Single(c.Actions);
        Assert.Equal(AccompanimentActionKind.Opened, first.Kind);
        Assert.Equal("Section des bébés fermée", first.Note);
        Assert.Equal("Places gelées : 6 places sur 30 fermées faute de personnel aujourd’hui.", c.AlertsAtOpening);
        Assert.Equal(AccompanimentStatus.Open, c.Status);
    }

    [Fact]
    public void Opening_FromAnAlert_NeedsOne_ButAStructuresRequest_DoesNot()
    {
        var fromNothing = AccompanimentCase.Open(FacilityId.New(), "93048", AccompanimentOrigin.Alert, [], "MAM qui demande de l’aide", Today, Now, "c");
        var request = AccompanimentCase.Open(FacilityId.New(), "93048", AccompanimentOrigin.StructureRequest, [], "MAM qui demande de l’aide", Today, Now, "c");
        var shortReason = AccompanimentCase.Open(FacilityId.New(), "93048", AccompanimentOrigin.StructureRequest, [], "abc", Today, Now, "c");

        Assert.Equal("accompaniment-no-alert", Assert.Single(fromNothing.Problems).Code);
        Assert.True(request.IsSuccess);
        Assert.Null(request.Value.AlertsAtOpening);
        Assert.Equal("followup-reason-missing", Assert.Single(shortReason.Problems).Code);
    }

    [Fact]
    public void Funding_IsSummed_AndNeedsItsFunderAndAPositiveAmount()
    {
        var c = Opened();

        Assert.True(c.Record(AccompanimentActionKind.FundingMobilised, Today, null, "Caf – fonds de rééquilibrage", 12_000m, Today, Now, "c").IsSuccess);
        Assert.True(c.Record(AccompanimentActionKind.FundingMobilised, Today, "Aide au recrutement", "Département", 3_500.5m, Today, Now, "c").IsSuccess);
        Assert.True(c.Record(AccompanimentActionKind.Visit, Today, "Visite avec la directrice", null, 99m, Today, Now, "c").IsSuccess);

        Assert.Equal(15_500.5m, c.FundingMobilised);
        var noFunder = c.Record(AccompanimentActionKind.FundingMobilised, Today, null, " ", 0m, Today, Now, "c");
        Assert.Equal(["accompaniment-funder-missing", "accompaniment-amount-range"], noFunder.Problems.Select(p => p.Code));
        Assert.Equal(4, c.Actions.Count);
        Assert.Equal(3, c.Version);
    }

    [Fact]
    public void AnAction_IsRefused_InTheFuture_WithoutANote_OrOnAClosedCase()
    {
        var c = Opened();

        Assert.Equal("followup-date-future", Assert.Single(c.Record(AccompanimentActionKind.Meeting, Today.AddDays(1), "Réunion", null, null, Today, Now, "c").Problems).Code);
        Assert.Equal("accompaniment-note-missing", Assert.Single(c.Record(AccompanimentActionKind.Visit, Today, "", null, null, Today, Now, "c").Problems).Code);
        Assert.Equal("accompaniment-action-kind", Assert.Single(c.Record(AccompanimentActionKind.Closed, Today, "x", null, null, Today, Now, "c").Problems).Code);
        Assert.True(c.Close(AccompanimentOutcome.Stabilised, Today, null, Today, Now, "c").IsSuccess);
        Assert.Equal("accompaniment-closed", Assert.Single(c.Record(AccompanimentActionKind.Visit, Today, "Visite", null, null, Today, Now, "c").Problems).Code);
    }

    [Fact]
    public void Closing_NeedsAnOutcome_AndReopening_ClearsIt()
    {
        var c = Opened();

        Assert.Equal("accompaniment-outcome-missing", Assert.Single(c.Close(null, Today, null, Today, Now, "c").Problems).Code);
        Assert.True(c.Close(AccompanimentOutcome.PlacesReopened, Today, "Deux AP recrutées", Today, Now, "c").IsSuccess);
        Assert.Equal(AccompanimentOutcome.PlacesReopened, c.Outcome);
        Assert.Equal("accompaniment-not-closed", Assert.Single(Opened().Reopen("Nouveaux départs", Today, Now, "c").Problems).Code);

        Assert.True(c.Reopen("Nouveaux départs en janvier", Today, Now, "c").IsSuccess);

        Assert.Equal(AccompanimentStatus.Open, c.Status);
        Assert.Null(c.Outcome);
        Assert.Equal([AccompanimentActionKind.Opened, AccompanimentActionKind.Closed, AccompanimentActionKind.Reopened], c.Actions.Select(a => a.Kind));
    }
}
