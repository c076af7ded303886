using Berceau.Domain.Access;
using Berceau.Web.Features.Applications.Family;
using Berceau.Web.Features.Applications.Staff;
using Berceau.Web.Infrastructure.Pdf;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Berceau.Web.Features.Applications;

/// <summary>
/// The guichet unique: a family applies once for the crèches of its commune and follows its application under
/// /famille/demandes; the commune's agents check and follow applications under /pro/demandes.
/// </summary>
public static class ApplicationsFeature
{
    /// <summary>The back office is the guichet's: agents and admins. Which applications, the handlers decide (territory).</summary>
    public const string CaseworkPolicy = "guichet";

    /// <summary>
    /// The family and back-office pages and their handlers, the API's queries, and the confirmation job (its worker unless
    /// <c>Confirmation:RunWorker</c> is false).
    /// </summary>
    public static IServiceCollection AddApplicationsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthorizationBuilder().AddPolicy(CaseworkPolicy, p => p.RequireRole(Roles.Agent, Roles.Admin));
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Applications/Staff", CaseworkPolicy));
        services.Configure<Confirmation.ConfirmationOptions>(configuration.GetSection("Confirmation"));
        services.AddSingleton<Confirmation.ConfirmationJob>();
        // The PDF fonts are read once for the whole process (the summary is the first PDF; decisions will share them).
        services.Configure<PdfFontOptions>(configuration.GetSection("Documents"));
        services.TryAddSingleton<PdfFonts>();
        // The API's amounts and counts are JSON numbers although the form's fields are text: the OpenAPI document says so.
        services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>(OpenData.OpenDataApi.DocumentName, o => o
            .AddSchemaTransformer(Api.AmountInEurosConverter.DescribeAsync)
            .AddSchemaTransformer(Api.WholeNumberConverter.DescribeAsync));
        if (configuration.GetValue("Confirmation:RunWorker", true))
            services.AddHostedService<Confirmation.ConfirmationWorker>();
        return services.AddApplicationServices();
    }

    private static IServiceCollection AddApplicationServices(this IServiceCollection services) => services
        .AddScoped<FamilyApplicationQueries>()
        .AddScoped<ApplicationFormQueries>()
        .AddScoped<ApplicationFileQueries>()
        .AddScoped<ApplicationScores>()
        .AddScoped<NextCommissions>()
        .AddScoped<CaseworkAccess>()
        .AddScoped<CaseworkQueues>()
        .AddScoped<CaseworkFiles>()
        .AddScoped<CaseworkActions>()
        .AddScoped<CorrectGridAnswers>()
        .AddScoped<CorrectSocialMinimum>()
        .AddScoped<AttachCodes>()
        .AddScoped<SaveApplication>()
        .AddScoped<ChangeApplication>()
        .AddScoped<Settings.ChangeGuichetSettings>()
        .AddScoped<AddProof>()
        .AddScoped<ApplicationEvents>()
        .AddScoped<ApplicationSummaryPdf>()
        .AddScoped<Erasures>()
        .AddScoped<Api.ApplicationApiQueries>();
}
