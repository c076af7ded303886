using Berceau.Domain.Observatory;

namespace Berceau.Domain.Territories;

/// <summary>
/// One row of the Cnaf coverage file (open data txcouv_pe_com + nbpla_pe_com) as published: places offered to children
/// under 3 in December of <see cref="Year"/> and the rates, for the commune of that year. <see cref="SourceCommuneCode"/>
/// is the code as published (93059 Pierrefitte-sur-Seine until its 2025 merger), <see cref="CommuneCode"/> the current
/// commune it belongs to (93066 Saint-Denis): a current commune can have several rows for a year, which add up.
/// </summary>
public sealed class CnafCoverage
{
    public int Year { get; init; }
    public required string SourceCommuneCode { get; init; }
    public required string CommuneCode { get; set; }
    public int PlacesEajePsu { get; set; }
    public int PlacesEajeNonPsu { get; set; }
    public int PlacesPreschool { get; set; }
    public int PlacesChildminders { get; set; }
    public int PlacesHomeCare { get; set; }
    /// <summary>The Cnaf's total, which can differ by a place from the sum of its rounded modes (see <see cref="CoveragePlaces"/>).</summary>
    public int PlacesTotal { get; set; }
    public decimal? RateEajePsu { get; set; }
    public decimal? RateEajeNonPsu { get; set; }
    public decimal? RateEaje { get; set; }
    public decimal? RatePreschool { get; set; }
    public decimal? RateChildminders { get; set; }
    public decimal? RateHomeCare { get; set; }
    public decimal? RateIndividual { get; set; }
    public decimal? GlobalRate { get; set; }
    /// <summary>Children under 3 recovered from the row's rates (<see cref="CnafDenominator"/>): an estimate; null when the row has no rate.</summary>
    public decimal? ChildrenUnder3 { get; set; }

    public CoveragePlaces Places => new(PlacesEajePsu, PlacesEajeNonPsu, PlacesPreschool, PlacesChildminders, PlacesHomeCare, PlacesTotal);

    public CoverageRates Rates => new(RateEajePsu, RateEajeNonPsu, RateEaje, RatePreschool, RateChildminders, RateHomeCare, RateIndividual, GlobalRate);

    /// <summary>Whether a re-import of the row would change nothing.</summary>
    public bool SameFiguresAs(CnafCoverage other) =>
        CommuneCode == other.CommuneCode && Places == other.Places && Rates == other.Rates && ChildrenUnder3 == other.ChildrenUnder3;

    public void CopyFiguresFrom(CnafCoverage other)
    {
        CommuneCode = other.CommuneCode;
        PlacesEajePsu = other.PlacesEajePsu;
        PlacesEajeNonPsu = other.PlacesEajeNonPsu;
        PlacesPreschool = other.PlacesPreschool;
        PlacesChildminders = other.PlacesChildminders;
        PlacesHomeCare = other.PlacesHomeCare;
        PlacesTotal = other.PlacesTotal;
        RateEajePsu = other.RateEajePsu;
        RateEajeNonPsu = other.RateEajeNonPsu;
        RateEaje = other.RateEaje;
        RatePreschool = other.RatePreschool;
        RateChildminders = other.RateChildminders;
        RateHomeCare = other.RateHomeCare;
        RateIndividual = other.RateIndividual;
        GlobalRate = other.GlobalRate;
        ChildrenUnder3 = other.ChildrenUnder3;
    }
}

/// <summary>INSEE domiciled births of a commune (current COG code) for a year.</summary>
public sealed class CommuneBirths
{
    public int Year { get; init; }
    public required string CommuneCode { get; init; }
    public int Births { get; set; }
}

/// <summary>INSEE estimate of the children under 3 of a commune (current COG code) for a year: the coverage rate's denominator.</summary>
public sealed class CommuneChildrenUnder3
{
    public int Year { get; init; }
    public required string CommuneCode { get; init; }
    public decimal Children { get; set; }
}
