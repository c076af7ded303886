using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Schema;

/// <summary>
/// Steering of the schéma départemental des services aux familles (RULES §6): schémas, axes and fiches actions with their pilots,
/// indicators and dated « états d'avancement », the tracking table (/pro/schema/{id}), the « état d'avancement » report (HTML and
/// PDF), the partner organisations whose members update the fiches they pilot, and the public view of published fiches
/// (/schema/{departement}), and the « rapport annuel » of a year (HTML, PDF, XLSX annexes). Governance (committees, meetings),
/// commune obligations, good practices, newsletter and surveys build on these types: organisations for members, fiches and
/// progress for the journal and the reports.
/// </summary>
public static class SchemaFeature
{
    public const string StaffPath = "/pro/schema";
    public const string OrganisationsPath = "/pro/schema/organisations";
    public const string NewSchemaPath = "/pro/schema/nouveau";

    public static string SchemaPath(Guid id) => $"{StaffPath}/{id}";
    public static string EditSchemaPath(Guid id) => $"{StaffPath}/{id}/modifier";
    public static string NewAxisPath(Guid id) => $"{StaffPath}/{id}/axes/nouveau";
    public static string AxisPath(Guid id, Guid axis) => $"{StaffPath}/{id}/axes/{axis}";
    public static string NewSheetPath(Guid id) => $"{StaffPath}/{id}/fiches/nouvelle";
    public static string ReportPath(Guid id, int? axis = null) => $"{StaffPath}/{id}/avancement" + (axis is { } n ? $"?axe={n}" : "");
    public static string ReportPdfPath(Guid id, int? axis = null) => $"{StaffPath}/{id}/avancement/pdf" + (axis is { } n ? $"?axe={n}" : "");
    public static string AnnualReportPath(Guid id, int? year = null, string? format = null) =>
        $"{StaffPath}/{id}/rapport-annuel" + (format is null ? "" : $"/{format}") + (year is { } y ? $"?annee={y}" : "");
    public static string SheetPath(Guid sheet) => $"{StaffPath}/fiches/{sheet}";
    public static string EditSheetPath(Guid sheet) => $"{StaffPath}/fiches/{sheet}/modifier";
    public static string PublicPath(string departement) => $"/schema/{departement}";
    public static string PublicPeriodPath(string departement, string period) => $"/schema/{departement}/{period}";
    public static string PublicSheetPath(string departement, Guid sheet) => $"/schema/{departement}/fiches/{sheet}";

    public static IServiceCollection AddSchemaFeature(this IServiceCollection services)
    {
        services.Configure<RazorPagesOptions>(o =>
        {
            // Any staff role may open the pages; which schéma and which fiche is decided in SchemaAccess, by territory and organisation.
            o.Conventions.AuthorizeFolder("/Schema/Staff", Infrastructure.WebServices.StaffPolicy);
            o.Conventions.AllowAnonymousToFolder("/Schema/Public");
        });
        services.AddScoped<SchemaAccess>();
        services.AddScoped<SchemaEditing>();
        services.AddScoped<SchemaQueries>();
        services.AddScoped<SchemaReportPdf>();
        services.AddScoped<AnnualReports>();
        services.AddScoped<AnnualReportPdf>();
        return services;
    }
}
