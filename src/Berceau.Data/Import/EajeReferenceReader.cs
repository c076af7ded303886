namespace Berceau.Data.Import;

/// <summary>One crèche of the real Marseille list: how it is managed, what kind of reception, how many places.</summary>
public sealed record EajeReferenceRow(int Line, string ManagementType, string ReceptionType, int Places);

/// <summary>
/// Reads data/eaje_marseille.csv, the only real list of crèches with capacities we have: the demo seed draws facility
/// sizes and management types from it so that the demo offer looks like a real city's.
/// </summary>
public static class EajeReferenceReader
{
    public static IReadOnlyList<EajeReferenceRow> Read(string path)
    {
        var csv = CsvFile.Read(path);
        int management = csv.Column("type_gestion"), reception = csv.Column("type_accueil"), places = csv.Column("nombre_places");
        return csv.Records
            .Select(r =>
            {
                var count = r.Int(places);
                if (count <= 0)
                    throw r.Error(places, "le nombre de places doit être positif.");
                return new EajeReferenceRow(r.Line, r.RequiredText(management), r.RequiredText(reception), count);
            })
            .ToList();
    }
}
