using Berceau.Domain.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Newsletter;

/// <summary>
/// The « journal du schéma » (issue 9, docs/newsletter.md): subscription with double opt-in and unsubscription from every issue,
/// issues composed by the CDSF secretariat from the recent progress and good practices, sent to confirmed subscribers, archived.
/// </summary>
public static class NewsletterFeature
{
    public const string StaffPath = "/pro/schema/journal";
    public const string ConfirmPath = "/journal/confirmer";
    public const string UnsubscribePath = "/journal/desinscription";
    public const string Policy = "journal-du-schema";
    public const string SubscriberKind = "journal-inscription";
    public const string IssueKind = "journal-numero";

    public static string ArchivePath(string departement) => $"/schema/{departement}/journal";
    public static string IssuePath(string departement, int number) => $"/schema/{departement}/journal/{number}";

    public static IServiceCollection AddNewsletterFeature(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.RequireRole(Roles.Steering, Roles.Admin));
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Newsletter/Staff", Policy));
        services.AddScoped<NewsletterTokens>();
        services.AddScoped<NewsletterActions>();
        return services;
    }
}

public static class NewsletterAudit
{
    public const string EntityType = "journal du schéma";
    public const string Sent = "numéro du journal envoyé";
}
