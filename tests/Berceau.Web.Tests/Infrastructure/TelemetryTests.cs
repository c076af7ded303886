using System.Net;
using System.Net.Sockets;
using System.Text;
using Berceau.Web.Tests.Support;

namespace Berceau.Web.Tests.Infrastructure;

/// <summary>
/// With <c>OpenTelemetry:Endpoint</c> set, the app sends its traces and metrics over OTLP/HTTP to that collector: here a
/// real HTTP listener on loopback that records what it receives (docs/deployment.md).
/// </summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public sealed class TelemetryTests(BerceauApp app)
{
    [Fact]
    public async Task ConfiguredCollector_ReceivesTracesOfRequestsAndMetrics()
    {
        using var collector = new Collector();
        await using var node = new BerceauApp(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Berceau"] = app.ConnectionString,
            ["Seed:OnStartup"] = "false",
            ["OpenTelemetry:Endpoint"] = collector.Address,
            ["OpenTelemetry:ServiceName"] = "berceau-essai",
            ["OpenTelemetry:ExportMilliseconds"] = "200",
        }, null);

        Assert.Equal(HttpStatusCode.OK, (await node.Client().GetAsync("/simulateur")).StatusCode);

        var traces = await collector.FirstAsync("/v1/traces", body => body.Contains("/simulateur"));
        Assert.Contains("berceau-essai", traces);
        var metrics = await collector.FirstAsync("/v1/metrics", body => body.Contains("http.server.request.duration"));
        Assert.Contains("berceau-essai", metrics);
    }

    /// <summary>An OTLP/HTTP endpoint that accepts everything and keeps each body (protobuf; its strings are plain UTF-8).</summary>
    private sealed class Collector : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly List<(string Path, string Body)> _received = [];

        public Collector()
        {
            var port = FreePort();
            Address = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Add(Address);
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public string Address { get; }

        public async Task<string> FirstAsync(string path, Func<string, bool> match)
        {
            for (var i = 0; i < 300; i++)
            {
                lock (_received)
                {
                    var found = _received.FirstOrDefault(r => r.Path == path && match(r.Body)).Body;
                    if (found is not null) return found;
                }
                await Task.Delay(100);
            }
            lock (_received)
                Assert.Fail($"Rien de tel reçu sur {path} en 30 s ; reçu : {string.Join(", ", _received.Select(r => r.Path))}.");
            return "";
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                lock (_received) _received.Add((context.Request.Url!.AbsolutePath, Encoding.UTF8.GetString(body.ToArray())));
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }

        private static int FreePort()
        {
            using var socket = new TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }

        public void Dispose() => _listener.Close();
    }
}
