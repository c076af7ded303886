using Berceau.Domain.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Practices;

/// <summary>
/// The library of good practices (issue 9, docs/practices.md): the vade-mecum's fiches and the partners' submissions, moderated by
/// the CDSF secretariat, public once published, searched by words, theme and format.
/// </summary>
public static class PracticesFeature
{
    public const string PublicPath = "/bonnes-pratiques";
    public const string StaffPath = "/pro/bonnes-pratiques";
    public const string Policy = "bonnes-pratiques";

    public static string PublicPracticePath(Guid id) => $"{PublicPath}/{id}";
    public static string StaffPracticePath(Guid id) => $"{StaffPath}/{id}";
    public static string EditPath(Guid id) => $"{StaffPath}/{id}/modifier";
    public static string SubmitPath(Domain.Practices.PracticeFormat format) => $"{StaffPath}/proposer/{format.ToString().ToLowerInvariant()}";

    public static IServiceCollection AddPracticesFeature(this IServiceCollection services)
    {
        // Every staff account may submit (partners of the schéma, agents, RPE…); moderation is checked per fiche.
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.RequireRole([.. Roles.Staff]));
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Practices/Staff", Policy));
        services.AddScoped<PracticeAccess>();
        services.AddScoped<PracticeActions>();
        return services;
    }
}

public static class PracticeAudit
{
    public const string EntityType = "bonne pratique";
    public const string Submitted = "bonne pratique proposée";
    public const string Edited = "bonne pratique modifiée par son auteur";
    public const string Corrected = "bonne pratique corrigée par le secrétariat";
    public const string Published = "bonne pratique publiée";
    public const string Rejected = "bonne pratique refusée";
    public const string Withdrawn = "bonne pratique retirée";
}
