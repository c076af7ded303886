namespace Berceau.Domain.Territories;

/// <summary>Cnaf published places and coverage rate of one commune for one year (open data txcouv_pe_com).</summary>
public sealed class CnafCoverage
{
    public int Year { get; init; }
    public required string CommuneCode { get; init; }
    public int PlacesEajePsu { get; init; }
    public int PlacesEajeNonPsu { get; init; }
    public int PlacesPreschool { get; init; }
    public int PlacesChildminders { get; init; }
    public int PlacesHomeCare { get; init; }
    public int PlacesTotal { get; init; }
    public decimal? GlobalRate { get; init; }
}

/// <summary>INSEE domiciled births of a commune (current COG code) for a year.</summary>
public sealed class CommuneBirths
{
    public int Year { get; init; }
    public required string CommuneCode { get; init; }
    public int Births { get; init; }
}
