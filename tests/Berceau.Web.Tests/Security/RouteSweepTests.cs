using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Berceau.Web.Tests.Support;

namespace Berceau.Web.Tests.Security;

/// <summary>
/// Insecure direct object references (IDOR), on EVERY route of the app that takes a parameter, found in the running app's
/// endpoints: a route added later fails <see cref="EveryRouteWithAParameter_IsSweptOrDeclaredPublic"/> until it is given a
/// record in <see cref="VictimWorld"/> or a reason in <see cref="Public"/>. Each swept route is then opened and posted (every
/// POST handler, with the intruder's own valid anti-forgery token) by another family, a childminder of another agrément and
/// every staff role of another commune and of another département: all must be refused (403) or told there is nothing (404),
/// and no table may have changed.
/// </summary>
[Collection(SecurityCollection.Name)]
[Trait("Category", "Database")]
public sealed class RouteSweepTests(BerceauApp app)
{
    /// <summary>Routes with a parameter that anyone may open: what they show is public by design.</summary>
    public static readonly IReadOnlyDictionary<string, string> Public = new Dictionary<string, string>
    {
        ["erreur/{code:int?}"] = "the error pages (a status code, no data)",
        ["compte/externe/connexion/{provider}"] = "starts the sign-in at FranceConnect or ProConnect (the provider's name)",
        ["structures/{id:guid}"] = "a facility's public page (the public offer, no personal data)",
        ["assistants-maternels/{id:guid}/contact"] = "a childminder's public card and the contact form; the request made is the family's own",
        ["reunions/{id:guid}"] = "a published information meeting",
        ["reunions/{id:guid}/inscription"] = "registering oneself to a published meeting",
        ["emplois/{id:guid}"] = "a published job offer",
        ["commissions/{id:guid}/statistiques"] = "a commission's published statistics (aggregates, no names)",
        ["grille/{commune}"] = "a commune's published points grid",
        ["observatoire/communes/{code}"] = "a commune's observatory profile (public statistics)",
        ["schema/{departement}/{period?}"] = "the published schéma of a département",
        ["schema/{departement}/fiches/{id:guid}"] = "a published fiche of the schéma (drafts are not shown: SchemaAccessTests)",
        ["schema/{departement:length(2,3)}/journal"] = "a département's newsletter archive and its subscription form (double opt-in)",
        ["schema/{departement:length(2,3)}/journal/{number:int}"] = "an issue of the newsletter's public archive",
        ["bonnes-pratiques/{id:guid}"] = "a published good practice (a submission is not shown: GoodPracticeTests)",
        ["pro/bonnes-pratiques/proposer/{format}"] = "the empty submission form of a format (what is submitted is the person's own)",
        ["api/v1/structures/{id}"] = "open data: a facility's public record",
        ["api/docs/{documentName?}"] = "the API's documentation page (Scalar)",
        ["openapi/{documentName}.json"] = "the API's OpenAPI description",
    };

    [Fact]
    public async Task EveryRouteWithAParameter_IsSweptOrDeclaredPublic()
    {
        var world = await VictimWorld.OfAsync(app);
        var routes = (await AppRoutes.AllAsync(app)).Where(r => r.HasParameters).Select(r => r.Template).ToHashSet();

        var uncovered = routes.Where(t => !world.Urls.ContainsKey(t) && !Public.ContainsKey(t)).Order().ToList();
        var stale = world.Urls.Keys.Concat(Public.Keys).Where(t => !routes.Contains(t)).Order().ToList();

        Assert.True(uncovered.Count == 0, "Routes à paramètre sans enregistrement d’autrui dans VictimWorld ni raison dans Public :\n" + string.Join("\n", uncovered));
        Assert.True(stale.Count == 0, "Routes listées qui n’existent plus :\n" + string.Join("\n", stale));
    }

    /// <summary>The control: the sweep's addresses are real records, which their owner (or staff of their territory) opens.</summary>
    [Fact]
    public async Task EverySweptAddress_OpensForItsOwner()
    {
        var world = await VictimWorld.OfAsync(app);
        var routes = (await AppRoutes.AllAsync(app)).Where(r => r.Gets && world.Urls.ContainsKey(r.Template)).ToList();

        var failures = new List<string>();
        foreach (var route in routes)
        {
            using var response = await world.Owners[route.Template].GetAsync(world.Urls[route.Template]);
            // A step already taken sends its owner back to the record's page (a submitted application cannot be edited).
            var toSameRecord = response.StatusCode == HttpStatusCode.Redirect
                && response.Headers.Location?.OriginalString.Split('/').Intersect(world.Urls[route.Template].Split('/', '?')).Any(p => Guid.TryParse(p, out _)) == true;
            if (response.StatusCode != HttpStatusCode.OK && !toSameRecord)
                failures.Add($"GET {world.Urls[route.Template]} → {(int)response.StatusCode} {response.Headers.Location}");
        }

        Assert.True(failures.Count == 0, "Adresses que leur propriétaire n’ouvre pas :\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task EveryRouteWithAParameter_RefusesAnotherFamilyTerritoryOrRole_AndChangesNothing()
    {
        var world = await VictimWorld.OfAsync(app);
        var routes = (await AppRoutes.AllAsync(app)).Where(r => world.Urls.ContainsKey(r.Template)).ToList();
        var intruders = await Intruders.AllAsync(app);
        var tokens = new Dictionary<Intruder, string>();
        var apiTokens = new Dictionary<Intruder, (string, string)?>();
        foreach (var intruder in intruders)
        {
            tokens[intruder] = await Intruders.PageTokenAsync(intruder.Client);
            apiTokens[intruder] = await Intruders.ApiTokenAsync(intruder.Client);
        }
        var before = await AppRoutes.RowCountsAsync(app);

        var failures = new List<string>();
        var requests = 0;
        foreach (var route in routes)
        {
            var url = world.Urls[route.Template];
            foreach (var intruder in intruders)
            {
                if (route.Gets)
                {
                    using var response = await intruder.Client.GetAsync(url);
                    requests++;
                    Check(failures, intruder, "GET " + url, response);
                }
                foreach (var handler in route.PostHandlers)
                {
                    var target = AppRoute.HandlerUrl(url, handler);
                    using var response = route.IsPage
                        ? await intruder.Client.PostAsync(target, new FormUrlEncodedContent([KeyValuePair.Create(Forms.TokenField, tokens[intruder])]))
                        : await ApiPostAsync(intruder.Client, target, apiTokens[intruder]);
                    requests++;
                    Check(failures, intruder, "POST " + target, response);
                }
            }
        }
        var after = await AppRoutes.RowCountsAsync(app);

        Assert.True(failures.Count == 0, $"{failures.Count} accès sur {requests} n’ont pas été refusés :\n" + string.Join("\n", failures));
        Assert.True(requests > 1000, $"{requests} requêtes seulement : la liste des routes est-elle vide ?");
        AssertSameRows(before, after);
    }

    internal static void AssertSameRows(Dictionary<string, int> before, Dictionary<string, int> after)
    {
        var changed = before.Where(b => after[b.Key] != b.Value).Select(b => $"{b.Key} : {b.Value} → {after[b.Key]}").ToList();
        Assert.True(changed.Count == 0, "Tables modifiées par des requêtes refusées :\n" + string.Join("\n", changed));
    }

    private static void Check(List<string> failures, Intruder intruder, string request, HttpResponseMessage response)
    {
        if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
            failures.Add($"{request} par {intruder.Label} → {(int)response.StatusCode} {response.Headers.Location}");
    }

    /// <summary>A well-formed API POST (header token, Idempotency-Key, a real answer), so that only the access check can refuse it.</summary>
    private static async Task<HttpResponseMessage> ApiPostAsync(HttpClient client, string url, (string Header, string Token)? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent("""{ "choice": "refuser", "reason": "Intrusion" }""", Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        if (token is { } t) request.Headers.Add(t.Header, t.Token);
        return await client.SendAsync(request);
    }
}
