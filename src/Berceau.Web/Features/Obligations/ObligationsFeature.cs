using Berceau.Domain.Access;
using Berceau.Domain.Obligations;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Obligations;

/// <summary>
/// The communes' obligations as autorités organisatrices de l'accueil du jeune enfant (issue 9, RULES §6, docs/obligations.md): per
/// commune the obligations its population brings and their status with documents, and the département's view of who is compliant.
/// </summary>
public static class ObligationsFeature
{
    public const string Path = "/pro/obligations";
    /// <summary>The staff who work on a territory as a whole; the pages then check the commune or département of each request.</summary>
    public const string Policy = "obligations-communes";

    public static string CommunePath(string commune) => $"{Path}/{commune}";
    public static string ObligationPath(string commune, CommuneObligationKind kind) => $"{Path}/{commune}/{kind.Slug()}";

    private static readonly Dictionary<CommuneObligationKind, string> Slugs = new()
    {
        [CommuneObligationKind.Census] = "recensement",
        [CommuneObligationKind.FamilyInformation] = "information-des-familles",
        [CommuneObligationKind.ChildcareRelay] = "relais-petite-enfance",
        [CommuneObligationKind.MultiYearPlan] = "schema-pluriannuel",
    };

    public static string Slug(this CommuneObligationKind kind) => Slugs[kind];

    public static CommuneObligationKind? KindOf(string? slug) =>
        Slugs.FirstOrDefault(s => s.Value == slug) is { Value: not null } found ? found.Key : null;

    public static IServiceCollection AddObligationsFeature(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.RequireRole(Roles.Agent, Roles.Admin, Roles.Steering, Roles.Observatory));
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Obligations/Staff", Policy));
        services.AddScoped<ObligationAccess>();
        services.AddScoped<ObligationQueries>();
        services.AddScoped<ObligationActions>();
        return services;
    }
}

/// <summary>The audit lines of the obligations: every change. Reads are not audited: a commune's obligations hold no personal data.</summary>
public static class ObligationAudit
{
    public const string EntityType = "obligation d’une commune";
    public const string Assessed = "situation d’une obligation";
    public const string DocumentAdded = "document d’une obligation ajouté";
    public const string DocumentRemoved = "document d’une obligation retiré";
}
