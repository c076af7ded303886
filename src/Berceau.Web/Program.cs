using Berceau.Data;
using Berceau.Web.Features.Account;
using Berceau.Web.Features.Admin;
using Berceau.Web.Features.Applications;
using Berceau.Web.Features.Applications.Api;
using Berceau.Web.Features.Childminders;
using Berceau.Web.Features.Commission;
using Berceau.Web.Features.FollowUp;
using Berceau.Web.Features.Decisions;
using Berceau.Web.Features.Decisions.Api;
using Berceau.Web.Features.Grid;
using Berceau.Web.Features.Meetings;
using Berceau.Web.Features.Schema.Governance;
using Berceau.Web.Features.Notifications;
using Berceau.Web.Features.Observatory;
using Berceau.Web.Features.OccasionalCare;
using Berceau.Web.Features.Offer;
using Berceau.Web.Features.OpenData;
using Berceau.Web.Features.Portal;
using Berceau.Web.Features.Schema;
using Berceau.Web.Features.Shared;
using Berceau.Web.Features.Staffing;
using Berceau.Web.Features.Jobs;
using Berceau.Web.Features.Difficulty;
using Berceau.Web.Features.Resources;
using Berceau.Web.Features.Training;
using Berceau.Web.Features.Obligations;
using Berceau.Web.Features.Practices;
using Berceau.Web.Features.Newsletter;
using Berceau.Web.Features.Surveys;
using Berceau.Web.Features.Territories;
using Berceau.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
// No "Server: Kestrel" banner (ASVS 14.3.3): nothing tells a visitor what runs behind the proxy.
builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);

builder.Services.AddSingleton(TimeProvider.System);
SqliteCheckpointer.AddBerceauDataWithCheckpointer(builder.Services, DatabaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath));
builder.Services.Configure<DeploymentOptions>(builder.Configuration.GetSection("Deployment"));
builder.Services.Configure<SeedOptions>(builder.Configuration.GetSection("Seed"));
builder.Services.AddBerceauWeb();
builder.Services.AddBerceauHealth(builder.Configuration);
builder.Services.AddBerceauTelemetry(builder.Configuration);
builder.Services.AddAccountFeature(builder.Configuration);
builder.Services.AddNotificationsFeature(builder.Configuration, builder.Environment);
builder.Services.AddAdminFeature();
builder.Services.AddOfferFeature();
builder.Services.AddTerritoriesFeature();
builder.Services.AddPortalFeature(builder.Configuration);
builder.Services.AddOpenDataFeature();
builder.Services.AddApplicationsFeature(builder.Configuration);
builder.Services.AddGridFeature();
builder.Services.AddCommissionFeature(builder.Configuration);
builder.Services.AddFollowUpFeature();
builder.Services.AddDecisionsFeature(builder.Configuration);
builder.Services.AddChildmindersFeature(builder.Configuration);
builder.Services.AddObservatoryFeature(builder.Configuration);
builder.Services.AddMeetingsFeature(builder.Configuration);
builder.Services.AddOccasionalCareFeature(builder.Configuration);
builder.Services.AddSchemaFeature();
builder.Services.AddGovernanceFeature(builder.Configuration);
builder.Services.AddStaffingFeature();
builder.Services.AddJobsFeature();
builder.Services.AddDifficultyFeature(builder.Configuration);
builder.Services.AddResourcesFeature();
builder.Services.AddTrainingFeature();
builder.Services.AddObligationsFeature();
builder.Services.AddPracticesFeature();
builder.Services.AddNewsletterFeature();
builder.Services.AddSurveysFeature();

var app = builder.Build();

await app.Services.InitialiseDatabaseAsync();

app.UseBerceauSecurityHeaders();
app.UseBerceauErrorHandling();
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.UseCommissionMembersFirst();

app.MapBerceauHealth();
app.MapThemeStylesheet();
app.MapOpenDataApi();
app.MapApplicationsApi();
app.MapOffersApi();
app.MapChildmindersApi();
app.MapObservatoryApi();
app.MapJobsApi();
app.MapRazorPages();

app.Run();

/// <summary>Entry point type, public so that integration tests can host the app.</summary>
public partial class Program;
