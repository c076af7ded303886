using Berceau.Domain.Common;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Resources;

/// <summary>
/// The disability resource directory (annuaire handicap, issue 10, docs/disability-resources.md): entries managed by the guichet's
/// agents and admins of the territory (/pro/handicap), published for families with the inclusive structures of the registry (/handicap).
/// </summary>
public static class ResourcesFeature
{
    public const string PublicPath = "/handicap";
    public const string StaffPath = "/pro/handicap";
    public const string EntityType = "annuaire handicap";

    public static string EditPath(Guid id) => $"{StaffPath}/fiche/{id}";
    public const string NewPath = StaffPath + "/fiche";

    public static IServiceCollection AddResourcesFeature(this IServiceCollection services)
    {
        // Agents and admins manage the directory of their communes (territory in the handlers).
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Resources/Staff", Applications.ApplicationsFeature.CaseworkPolicy));
        services.AddScoped<DirectoryEntries>();
        return services;
    }
}

/// <summary>Text search of the public directories, in memory: without case, accents nor punctuation (<see cref="SearchWords"/>).</summary>
public static class SearchText
{
    /// <summary>Every word of the query is in one of the texts.</summary>
    public static bool Matches(string? query, params string?[] texts)
    {
        var words = SearchWords.Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return true;
        var haystack = string.Join(" ", texts.Select(SearchWords.Fold));
        return words.All(w => haystack.Contains(w, StringComparison.Ordinal));
    }
}
