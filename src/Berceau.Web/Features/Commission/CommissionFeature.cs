namespace Berceau.Web.Features.Commission;

/// <summary>
/// The commission d'attribution (issue 6, docs/commission.md): sessions prepared by the guichet, seats declared by directors,
/// applications frozen into an engine instance, runs, overrides with reasons, replay, validation by the president, members,
/// attendance, minutes, calling off. Pages under /pro/commissions; the public statistics under /commissions (Public/, no account).
/// </summary>
public static class CommissionFeature
{
    public static IServiceCollection AddCommissionFeature(this IServiceCollection services, IConfiguration configuration)
    {
        // The families' notices of a freeze are written after it commits, by a leased job (docs/commission.md, « Les avis du gel »).
        services.Configure<FreezeNoticeOptions>(configuration.GetSection("FreezeNotices"));
        services.AddSingleton<FreezeNoticeJob>();
        services.AddSingleton<FreezeNoticeSignal>();
        services.AddSingleton<MembersFirst>();
        services.AddSingleton<RecentRunViews>();
        services.AddSingleton<FrozenInstances>();
        if (configuration.GetValue("FreezeNotices:RunWorker", true))
            services.AddHostedService<FreezeNoticeWorker>();
        return services
            .AddScoped<CommissionAccess>()
            .AddScoped<FreezeNotices>()
            .AddScoped<CommissionQueries>()
            .AddScoped<CommissionActions>()
            .AddTransient<Infrastructure.StepTimes>()
            .AddScoped<CreateSession>()
            .AddScoped<MemberDirectory>()
            .AddScoped<SessionManagement>()
            .AddScoped<MinutesPdf>()
            .AddScoped<Public.PublicCommissions>();
    }
}
