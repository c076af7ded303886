namespace Berceau.Web.Features.Staffing;

/// <summary>
/// Staffing of the crèches (issue 10, docs/staffing.md): the staffing table by profession, the encadrement rule computed for an
/// attendance, and places frozen for lack of staff, which lower the places open everywhere capacity is used
/// (<see cref="OpenCapacity"/>).
/// </summary>
public static class StaffingFeature
{
    public static string StaffPathOf(Guid facility) => $"/pro/structures/{facility}/personnel";

    public static IServiceCollection AddStaffingFeature(this IServiceCollection services) => services
        .AddScoped<OpenCapacity>()
        .AddScoped<StaffingActions>();
}
