namespace Berceau.Data.Seed;

/// <summary>
/// Where the open-data files of data/ are found at run time: Berceau.Data copies them next to the binaries, so the web
/// app, the CLI and the tests all read the same files whatever their working directory.
/// </summary>
public static class DataFiles
{
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "data");

    public const string CnafCoverage = "cnaf_taux_couverture_communes_92_93.csv";
    public const string CnafFrance = "cnaf_taux_couverture_communes_france.csv";
    public const string Births = "naissances_communes_92_93.csv";
    public const string EajeReference = "eaje_marseille.csv";

    public static string Communes(string departement) => $"communes_{departement}.csv";
    public static string Boundaries(string departement) => $"communes_{departement}.geojson";
}
