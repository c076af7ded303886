using Berceau.Web.Features.FollowUp.Solutions;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.OccasionalCare;

/// <summary>Settings of occasional care (section « OccasionalCare » of the configuration).</summary>
public sealed class OccasionalCareOptions
{
    public const string Section = "OccasionalCare";

    /// <summary>
    /// A booking is cancelled free of charge until this many hours before the slot starts; later, it is billed. The default of
    /// every commune that has not set its own (/pro/accueil-occasionnel/reglages/{commune}).
    /// </summary>
    public int FreeCancellationHours { get; set; } = Domain.OccasionalCare.CancellationPolicy.DefaultFreeCancellationHours;
}

/// <summary>
/// Accueil occasionnel (crèche à la demande): directors publish half-day slots on vacant places, families registered for
/// occasional care (file checked by the guichet) book them at their PSU hourly fee, cancel, read their monthly statement and
/// may be told when a slot opens. Also a section of the follow-up « solutions » letter.
/// </summary>
public static class OccasionalCareFeature
{
    public const string StaffPath = "/pro/accueil-occasionnel";
    public const string FamilyPath = "/famille/accueil-occasionnel";

    public static IServiceCollection AddOccasionalCareFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OccasionalCareOptions>(configuration.GetSection(OccasionalCareOptions.Section));
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/OccasionalCare/Staff", WebServices.StaffPolicy);
            o.Conventions.AuthorizeFolder("/OccasionalCare/Family", WebServices.FamilyPolicy);
        });
        services.AddScoped<OccasionalAccess>();
        services.AddScoped<OccasionalQueries>();
        services.AddScoped<PublishSlot>();
        services.AddScoped<Bookings>();
        services.AddScoped<CancellationNotices>();
        services.AddScoped<ChildFiles>();
        services.AddScoped<ISolutionsSource, OccasionalCareSolutions>();
        return services;
    }
}
