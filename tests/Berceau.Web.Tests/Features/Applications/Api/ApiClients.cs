using System.Net.Http.Json;
using System.Text.Json;
using Berceau.Web.Tests.Support;

namespace Berceau.Web.Tests.Features.Applications.Api;

/// <summary>Clients of /api/v1/demandes as a real one would be: signed in with the cookie, the antiforgery token in its header.</summary>
internal static class ApiClients
{
    public const string Demandes = "/api/v1/demandes";

    /// <summary>A new family, signed in, its client carrying the antiforgery header; its user id.</summary>
    public static async Task<(HttpClient Client, string UserId)> FamilyAsync(BerceauApp app)
    {
        var (client, userId) = await app.SignedInFamilyAsync();
        await AddAntiforgeryHeaderAsync(client);
        return (client, userId);
    }

    public static async Task AddAntiforgeryHeaderAsync(HttpClient client)
    {
        var token = await client.GetFromJsonAsync<JsonElement>("/api/v1/antiforgery");
        client.DefaultRequestHeaders.Add(token.GetProperty("headerName").GetString()!, token.GetProperty("token").GetString());
    }

    /// <summary>A complete, valid body (the form's fields as JSON) for a child born in June, starting in January.</summary>
    public static Dictionary<string, object?> ValidBody(string commune, params string[] wishes) => new()
    {
        ["communeCode"] = commune,
        ["street"] = "12 rue de Paris",
        ["postalCode"] = commune == ApplicationTestData.Montreuil ? ApplicationTestData.MontreuilPostalCode : null,
        ["child"] = new { firstName = "Inès", lastName = "Martin-Diallo", birthDate = "2026-06-01" },
        ["guardians"] = new[] { new { firstName = "Awa", lastName = "Diallo", situation = "Employed" } },
        ["childrenInHousehold"] = 2,
        ["annualResources"] = 32000,
        ["cafNumber"] = "1234567",
        ["desiredStart"] = "2027-01-04",
        ["days"] = new[] { "Monday", "Tuesday" },
        ["from"] = "08:30",
        ["to"] = "17:30",
        ["wishes"] = wishes,
        ["consent"] = true,
    };

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, object body, string? key, string query = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Demandes + query) { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
