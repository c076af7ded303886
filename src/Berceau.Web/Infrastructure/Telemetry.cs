using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Berceau.Web.Infrastructure;

/// <summary>
/// OpenTelemetry traces and metrics, sent over OTLP/HTTP to the collector named by <c>OpenTelemetry:Endpoint</c>
/// (e.g. <c>http://127.0.0.1:4318</c>) and nothing at all without it: no package runs, no request leaves the server
/// (docs/deployment.md). Traces: every HTTP request (health probes left out: they would drown the rest) and PostgreSQL
/// commands. Metrics: ASP.NET Core's and Kestrel's meters, the .NET runtime's, outgoing HTTP (e-mail relay aside).
/// </summary>
public static class Telemetry
{
    public static IServiceCollection AddBerceauTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (!Uri.TryCreate(configuration["OpenTelemetry:Endpoint"], UriKind.Absolute, out var endpoint)) return services;
        var serviceName = configuration["OpenTelemetry:ServiceName"] is { Length: > 0 } name ? name : "berceau";
        var delay = Math.Clamp(configuration.GetValue("OpenTelemetry:ExportMilliseconds", 5000), 100, 60_000);
        void Otlp(OtlpExporterOptions o, string signal)
        {
            o.Endpoint = new Uri(endpoint, signal);
            o.Protocol = OtlpExportProtocol.HttpProtobuf;
            o.BatchExportProcessorOptions.ScheduledDelayMilliseconds = delay;
        }
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName, serviceInstanceId: Environment.MachineName))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddSource("Npgsql")
                .AddOtlpExporter(o => Otlp(o, "v1/traces")))
            .WithMetrics(m => m
                .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Routing",
                    "Microsoft.AspNetCore.RateLimiting", "System.Runtime", "System.Net.Http", "Npgsql")
                .AddOtlpExporter((o, reader) =>
                {
                    Otlp(o, "v1/metrics");
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = delay;
                }));
        return services;
    }
}
