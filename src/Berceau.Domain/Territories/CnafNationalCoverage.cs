using Berceau.Domain.Observatory;

namespace Berceau.Domain.Territories;

/// <summary>
/// « France » as the Cnaf commune file covers it, for one year: the places and children under 3 of every commune it
/// publishes (communes of 10,000 inhabitants or more, about 1,045 a year) added up, so that the rate is Σ places ÷ Σ
/// children (RULES §4), never a mean of rates. It is not the national rate (58.8 in 2020, every commune counted): small
/// communes, where childminders weigh more, are missing. Rows without a denominator (contradictory or missing rates)
/// are left out of both sums and counted in <see cref="RowsLeftOut"/>.
/// </summary>
public sealed class CnafNationalCoverage
{
    public int Year { get; init; }
    public int PlacesEajePsu { get; set; }
    public int PlacesEajeNonPsu { get; set; }
    public int PlacesPreschool { get; set; }
    public int PlacesChildminders { get; set; }
    public int PlacesHomeCare { get; set; }
    /// <summary>Σ of the rows' published totals (the numerator of their global rates).</summary>
    public int PlacesTotal { get; set; }
    /// <summary>Σ of the rows' recovered denominators (<see cref="CnafDenominator"/>).</summary>
    public decimal ChildrenUnder3 { get; set; }
    public int Communes { get; set; }
    public int RowsLeftOut { get; set; }

    public CoveragePlaces Places => new(PlacesEajePsu, PlacesEajeNonPsu, PlacesPreschool, PlacesChildminders, PlacesHomeCare, PlacesTotal);

    /// <summary>The yearly sums of a national Cnaf file's rows.</summary>
    public static IReadOnlyList<CnafNationalCoverage> Sum(IEnumerable<CnafCoverage> rows) =>
        rows.GroupBy(r => r.Year)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var kept = g.Where(r => r.ChildrenUnder3 is > 0).ToList();
                return new CnafNationalCoverage
                {
                    Year = g.Key,
                    PlacesEajePsu = kept.Sum(r => r.PlacesEajePsu),
                    PlacesEajeNonPsu = kept.Sum(r => r.PlacesEajeNonPsu),
                    PlacesPreschool = kept.Sum(r => r.PlacesPreschool),
                    PlacesChildminders = kept.Sum(r => r.PlacesChildminders),
                    PlacesHomeCare = kept.Sum(r => r.PlacesHomeCare),
                    PlacesTotal = kept.Sum(r => r.PlacesTotal),
                    ChildrenUnder3 = kept.Sum(r => r.ChildrenUnder3!.Value),
                    Communes = kept.Count,
                    RowsLeftOut = g.Count() - kept.Count,
                };
            })
            .Where(n => n.Communes > 0)
            .ToList();

    public bool SameFiguresAs(CnafNationalCoverage other) =>
        Places == other.Places && ChildrenUnder3 == other.ChildrenUnder3 && Communes == other.Communes && RowsLeftOut == other.RowsLeftOut;

    public void CopyFiguresFrom(CnafNationalCoverage other)
    {
        PlacesEajePsu = other.PlacesEajePsu;
        PlacesEajeNonPsu = other.PlacesEajeNonPsu;
        PlacesPreschool = other.PlacesPreschool;
        PlacesChildminders = other.PlacesChildminders;
        PlacesHomeCare = other.PlacesHomeCare;
        PlacesTotal = other.PlacesTotal;
        ChildrenUnder3 = other.ChildrenUnder3;
        Communes = other.Communes;
        RowsLeftOut = other.RowsLeftOut;
    }
}
