using System.Net;
using System.Net.Sockets;
using Berceau.Web.Tests.Support;

namespace Berceau.Web.Tests.Features.Account;

/// <summary>
/// The account forms accept a limited number of POSTs per client address and minute. The test posts from its own
/// loopback address (127.0.0.2), so that the other tests, all from 127.0.0.1, keep their own allowance.
/// </summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public sealed class RateLimitTests(BerceauApp app)
{
    [Theory]
    [InlineData("/compte/connexion", "127.0.0.2")]
    [InlineData("/compte/creer", "127.0.0.3")]
    [InlineData("/famille/demandes/rattacher", "127.0.0.4")]
    [InlineData("/am/inscription", "127.0.0.5")]
    [InlineData("/am/invitation", "127.0.0.6")]
    public async Task AccountPosts_BeyondTheLimit_AreRefusedWithTheFrench429Page_WhilePagesStillOpen(string path, string clientAddress)
    {
        using var client = ClientFrom(clientAddress);
        var empty = new FormUrlEncodedContent([]);

        // Refused (no anti-forgery token, or not signed in for the family's attach code), but counted: the limiter runs first.
        for (var sent = 0; sent < BerceauApp.RateLimitForTests; sent += 50)
        {
            var batch = await Task.WhenAll(Enumerable.Range(0, Math.Min(50, BerceauApp.RateLimitForTests - sent)).Select(_ => client.PostAsync(path, empty)));
            Assert.All(batch, r => Assert.True(r.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Redirect, r.StatusCode.ToString()));
        }
        var refused = await client.PostAsync(path, empty);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Trop de demandes", await Forms.TextAsync(refused));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync(path)).StatusCode);
    }

    /// <summary>A client whose connections leave from <paramref name="address"/> (any 127.x.y.z is this machine on Linux).</summary>
    private HttpClient ClientFrom(string address) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    {
        BaseAddress = app.BaseAddress,
    };
}
