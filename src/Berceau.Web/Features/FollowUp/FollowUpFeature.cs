namespace Berceau.Web.Features.FollowUp;

/// <summary>
/// « Zéro sans solution »: follow-up cases of families left without a place. Opened by a commission's validation (issue 6);
/// the guichet's worklist and actions are issue 7's.
/// </summary>
public static class FollowUpFeature
{
    public static IServiceCollection AddFollowUpFeature(this IServiceCollection services) => services.AddScoped<FollowUpCases>();
}
