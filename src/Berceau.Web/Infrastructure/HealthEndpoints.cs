using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Berceau.Web.Infrastructure;

/// <summary>
/// What a load balancer or an orchestrator asks (docs/deployment.md): <c>/health/live</c> says the process answers (restart it
/// if not); <c>/health</c> and <c>/health/ready</c> say it can serve: the database answers and the node is not shutting down.
/// A node that received SIGTERM reports itself not ready at once, while it finishes the requests in flight for up to
/// <c>Deployment:ShutdownSeconds</c>, so that the balancer sends the next ones elsewhere.
/// </summary>
public static class HealthEndpoints
{
    public static IServiceCollection AddBerceauHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<Berceau.Data.BerceauDbContext>("base de données")
            .AddCheck<ShuttingDown>("arrêt en cours");
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Deployment:ShutdownSeconds", 30), 1, 600)));
        return services;
    }

    public static WebApplication MapBerceauHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health");
        app.MapHealthChecks("/health/ready");
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        return app;
    }

    private sealed class ShuttingDown(IHostApplicationLifetime lifetime) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
            Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
                ? HealthCheckResult.Unhealthy("Arrêt en cours : ce serveur termine les requêtes commencées.")
                : HealthCheckResult.Healthy());
    }
}
