namespace Berceau.Data.Observatory;

/// <summary>
/// The observatory's report of one territory for one year (<c>TerritoryIndicators.ForAsync</c>), computed once and kept as JSON
/// so that the dashboard and <c>GET /api/v1/indicateurs</c> do not compute it again on every request (issue 8's performance
/// check). The whole report is stored, whatever indicators it holds: a new indicator of the catalogue flows in without a column.
/// A snapshot is served as long as it was computed by the same build (<see cref="CodeVersion"/>) for the same regime of year;
/// when the data changed since (<see cref="DataVersion"/> below the current <see cref="IndicatorDataVersion"/>), it is still
/// served, said to be being refreshed, and the leased job computes it again (docs/observatory.md, « Indicateurs pré-calculés »).
/// </summary>
public sealed class IndicatorSnapshot
{
    public const int MaxTerritoryLength = 9;
    public const int MaxCodeVersionLength = 80;

    /// <summary>Commune INSEE code, EPT SIREN or département code, as <c>TerritoryIndicators.ParseTerritory</c> writes it.</summary>
    public required string TerritoryCode { get; init; }
    public int Year { get; init; }
    /// <summary>The whole report, serialised.</summary>
    public required string ReportJson { get; set; }
    /// <summary>The <see cref="IndicatorDataVersion.Version"/> read before the computation started.</summary>
    public long DataVersion { get; set; }
    /// <summary>The build that computed it: another build (a new indicator, a changed rule) computes it again before serving it.</summary>
    public required string CodeVersion { get; set; }
    /// <summary>When the computation started (the figures are those of the data at that instant).</summary>
    public DateTimeOffset ComputedAt { get; set; }
    /// <summary>A reader found it stale: the job refreshes it at its next pass, whatever its year.</summary>
    public bool RefreshRequested { get; set; }
}

/// <summary>
/// One row (<see cref="SingletonId"/>) whose <see cref="Version"/> moves after every committed change of the data the indicators
/// read (<see cref="IndicatorChangeInterceptor"/>, and <see cref="IndicatorDataChanges.MarkAsync"/> for the statements that bypass
/// SaveChanges). A snapshot computed at version v is current while the version is still v.
/// </summary>
public sealed class IndicatorDataVersion
{
    public const int SingletonId = 1;

    public int Id { get; init; }
    public long Version { get; set; }
}
