using Berceau.Domain.Common;
using Berceau.Web.Features.Admin.FeeParameters;
using Berceau.Web.Features.Admin.Users;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Berceau.Web.Features.Admin;

public static class AdminFeature
{
    /// <summary>The pages under Features/Admin require the admin role (folder convention in <c>AddBerceauWeb</c>).</summary>
    public static IServiceCollection AddAdminFeature(this IServiceCollection services)
    {
        services.AddScoped<UserQueries>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<AddFeeParameter>();
        return services;
    }

    /// <summary>Puts each expected failure next to its field (<c>Input.Email</c>…); a problem without field goes to the summary only.</summary>
    internal static void AddProblems(this ModelStateDictionary modelState, IEnumerable<Problem> problems, string prefix = "Input")
    {
        foreach (var problem in problems)
            modelState.AddModelError(string.IsNullOrEmpty(problem.Field) ? "" : prefix + "." + problem.Field, problem.Message);
    }
}
