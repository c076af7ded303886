using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Berceau.Web.Tests.Support;

namespace Berceau.Web.Tests.Features.Observatory;

/// <summary>Small Cnaf and INSEE files for the import tests, and the upload of one through the admin page.</summary>
internal static class ObservatoryFiles
{
    public const string CnafHeader =
        "annee,code_commune,nom_commune,code_epci,nom_epci,code_departement,nom_departement,places_eaje_psu,places_eaje_hors_psu,"
        + "places_eaje_ensemble,places_prescolarisation,places_assistantes_maternelles,places_salarie_domicile,"
        + "places_accueil_individuel_ensemble,places_total,taux_eaje_psu,taux_eaje_hors_psu,taux_eaje_ensemble,taux_prescolarisation,"
        + "taux_assistantes_maternelles,taux_salarie_domicile,taux_accueil_individuel_ensemble,taux_global,code_commune_actuel";

    /// <summary>
    /// A row of 1,000 children: 300 PSU, 20 non-PSU, 10 préscolarisation, 150 AM and 20 à domicile = 500 places, rate 50.0.
    /// </summary>
    public static string CnafRow(int year, string commune, int psu = 300, string? current = null, string globalRate = "50.0") =>
        string.Create(CultureInfo.InvariantCulture, $"{year},{commune},NOISY LE SEC,200054781,METROPOLE DU GRAND PARIS,93,SEINE SAINT DENIS,{psu},20,{psu + 20},10,150,20,170,{psu + 200},"
        + $"{psu / 10m:0.0},2.0,{(psu + 20) / 10m:0.0},1.0,15.0,2.0,17.0,{globalRate},{current ?? commune}");

    public static string Cnaf(params string[] rows) => string.Join('\n', [CnafHeader, .. rows]) + "\n";

    public const string InseeHeader = "code_insee_cog2021,code_insee_actuel,naissances_domiciliees_2031,enfants_moins_3_ans_2031,note";

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string kind, string content, string fileName = "import.csv",
        Encoding? encoding = null)
    {
        const string url = "/admin/observatoire/import";
        var token = await Forms.AntiforgeryTokenAsync(client, url);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), Forms.TokenField },
            { new StringContent(kind), "Kind" },
        };
        var file = new ByteArrayContent((encoding ?? new UTF8Encoding(false)).GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", fileName);
        return await client.PostAsync(url, form);
    }
}
