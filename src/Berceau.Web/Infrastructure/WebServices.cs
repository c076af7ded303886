using System.Globalization;
using Berceau.Data;
using Berceau.Data.Identity;
using Berceau.Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace Berceau.Web.Infrastructure;

public static class WebServices
{
    public const string StaffPolicy = "staff";
    public const string AdminPolicy = "admin";
    public const string ChildminderPolicy = "assistant-maternel";
    public const string FamilyPolicy = "famille";

    /// <summary>What every feature relies on: Razor Pages under /Features, Identity, authorization, problem details, health.</summary>
    public static IServiceCollection AddBerceauWeb(this IServiceCollection services)
    {
        var french = new CultureInfo("fr-FR");
        CultureInfo.DefaultThreadCurrentCulture = french;
        CultureInfo.DefaultThreadCurrentUICulture = french;
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(french);
            o.SupportedCultures = [french];
            o.SupportedUICultures = [french];
        });

        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/Offer/Staff", StaffPolicy);
            o.Conventions.AuthorizeFolder("/Territories/Staff", StaffPolicy);
            o.Conventions.AuthorizeFolder("/Grid/Staff", StaffPolicy);
            o.Conventions.AuthorizeFolder("/Commission", StaffPolicy);
            o.Conventions.AuthorizeFolder("/Admin", AdminPolicy);
            o.Conventions.AuthorizeFolder("/Offer/Childminder", ChildminderPolicy);
            o.Conventions.AuthorizeFolder("/Pro", StaffPolicy);
            o.Conventions.AuthorizeFolder("/Applications/Family", FamilyPolicy);
            o.Conventions.AuthorizeFolder("/Childminders/Staff", StaffPolicy);
            o.Conventions.AuthorizeFolder("/Childminders/Family", FamilyPolicy);
        })
        .AddMvcOptions(o =>
        {
            o.Filters.Add<StaffTwoFactorFilter>();
            FrenchBindingMessages.Apply(o.ModelBindingMessageProvider);
        });
        // Accented letters stay readable in the HTML source instead of numeric entities; Razor still encodes what matters.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

        services.AddIdentity<BerceauUser, IdentityRole>(Berceau.Data.Accounts.AccountRules.Apply)
            .AddEntityFrameworkStores<BerceauDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<FrenchIdentityErrorDescriber>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "berceau.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/compte/connexion";
            o.LogoutPath = "/compte/deconnexion";
            o.AccessDeniedPath = "/erreur/403";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // The API answers with status codes, never with a redirect to an HTML login page.
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            // A refusal is a real 403 (the French error page is rendered by the status-code pages), not a redirect.
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, p => p.RequireRole(Roles.Staff))
            .AddPolicy(AdminPolicy, p => p.RequireRole(Roles.Admin))
            .AddPolicy(ChildminderPolicy, p => p.RequireRole(Roles.Childminder))
            .AddPolicy(FamilyPolicy, p => p.RequireRole(Roles.Family));

        services.AddAntiforgery(o => o.Cookie.Name = "berceau.af");
        services.AddFrenchProblemDetails();
        services.AddHttpContextAccessor();
        services.AddDatabaseDataProtection();
        services.AddScoped<AuditLog>();
        services.AddScoped<CurrentStaff>();
        services.AddScoped<Berceau.Data.Accounts.DemoSeeding>();
        return services;
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
