using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Berceau.Web.Tests.Support;

namespace Berceau.Web.Tests.Security;

/// <summary>
/// Cross-site request forgery, on EVERY POST of the app (each page's handlers and each API POST, found in the running app's
/// endpoints): sent by a person who passes every role policy (all roles, grants on the records' territory) with its session
/// cookie but without the anti-forgery token — as a page of another site would send it — each is refused (pages: 400 before
/// any handler runs; API: 403 problem from <c>ApiCsrf</c>) and no table changes.
/// </summary>
[Collection(SecurityCollection.Name)]
[Trait("Category", "Database")]
public sealed partial class CsrfSweepTests(BerceauApp app)
{
    /// <summary>POST handlers that do not check the token, and why that is safe. Every other POST must.</summary>
    public static readonly IReadOnlyDictionary<string, string> Exempt = new Dictionary<string, string>
    {
        // [IgnoreAntiforgeryToken]: the status-code pages re-execute a failed POST (its 400, 403, 404…) as a POST of the error
        // page, which must render rather than fail again; it writes nothing (the row counts below include it).
        ["erreur/{code:int?}"] = "the error page",
    };

    [Fact]
    public async Task EveryPost_WithoutTheAntiforgeryToken_IsRefused_AndChangesNothing()
    {
        var world = await VictimWorld.OfAsync(app);
        var all = await AppRoutes.AllAsync(app);
        var routes = all.Where(r => r.PostHandlers.Count > 0 && !Exempt.ContainsKey(r.Template)).ToList();
        using var everyone = await Intruders.EveryRoleAsync(app);
        var before = await AppRoutes.RowCountsAsync(app);

        var failures = new List<string>();
        var posts = 0;
        foreach (var route in routes)
        {
            var url = world.Urls.TryGetValue(route.Template, out var known) ? known : Fill(route.Template);
            foreach (var handler in route.PostHandlers)
            {
                var target = AppRoute.HandlerUrl(url, handler);
                // What a forged form or fetch carries: the fields, the cookies, no token (and no header token for the API).
                using var content = route.IsPage
                    ? (HttpContent)new FormUrlEncodedContent([KeyValuePair.Create("Input.Name", "Forgé")])
                    : new StringContent("""{ "choice": "refuser" }""", Encoding.UTF8, "application/json");
                using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = content };
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                using var response = await everyone.SendAsync(request);
                posts++;
                var expected = route.IsPage ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden;
                if (response.StatusCode != expected)
                    failures.Add($"POST {target} → {(int)response.StatusCode} (attendu {(int)expected})");
            }
        }
        foreach (var template in Exempt.Keys)
        {
            using var error = await everyone.PostAsync(Fill(template), new FormUrlEncodedContent([]));
            Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        }
        var after = await AppRoutes.RowCountsAsync(app);

        Assert.True(failures.Count == 0, $"{failures.Count} POST sur {posts} acceptés sans jeton :\n" + string.Join("\n", failures));
        Assert.True(posts > 100, $"{posts} POST seulement : la liste des routes est-elle vide ?");
        RouteSweepTests.AssertSameRows(before, after);
    }

    [Fact]
    public async Task ApiPost_WithTheCookieButATokenOfAnotherSession_IsRefused()
    {
        var world = await VictimWorld.OfAsync(app);
        var (other, _, _) = await Accounts.SignInAsNewFamilyAsync(app);
        var stolen = await Intruders.ApiTokenAsync(other);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/demandes")
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        request.Headers.Add(stolen!.Value.Header, stolen.Value.Token);

        using var response = await world.Filed.Family.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("anti-falsification", await response.Content.ReadAsStringAsync());
    }

    /// <summary>A route's parameters filled with well-formed values (the anti-forgery check runs before any lookup).</summary>
    private static string Fill(string template) =>
        "/" + Parameter().Replace(template, m => m.Value.Contains(":guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString()
            : m.Value.Contains(":int", StringComparison.Ordinal) ? "404"
            : m.Value.StartsWith("{commune", StringComparison.Ordinal) || m.Value.StartsWith("{code", StringComparison.Ordinal) ? VictimWorld.Commune
            : m.Value.StartsWith("{departement", StringComparison.Ordinal) ? "93"
            : m.Value.StartsWith("{provider", StringComparison.Ordinal) ? "franceconnect"
            : "x");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
