using System.Net;
using System.Text.Json;
using Berceau.Domain.Offer;
using Berceau.Web.Tests.Support;

namespace Berceau.Web.Tests.Features.OpenData;

/// <summary>Facilities built by the open-data tests themselves (unique names), and reading of JSON answers.</summary>
internal static class OpenDataTestData
{
    public const string Montreuil = "93048";

    public static string UniqueName(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 9)];

    public static Facility Creche(string communeCode, string name, params (string Name, int Min, int Max, int Places)[] sections)
    {
        var facility = TestData.Creche(communeCode, name, "93100", 48.8611, 2.4432, sections);
        facility.ManagerName = "Ville de test";
        facility.OpensAt = new TimeOnly(7, 30);
        facility.ClosesAt = new TimeOnly(18, 30);
        facility.ReceptionTypes = ReceptionTypes.Regular | ReceptionTypes.Occasional;
        facility.Languages = "anglais, arabe";
        facility.Phone = "01 99 00 12 34";
        facility.Website = "https://creche.example";
        return facility;
    }

    public static Facility Childminder(string communeCode, string name)
    {
        var facility = TestData.Childminder(communeCode, name, "93100", 48.861234, 2.443219, new Agrement(3, 0, 48, new DateOnly(2029, 1, 1), "AG-TEST"));
        facility.Street = "12 rue du Domicile";
        facility.Phone = "01 99 00 98 76";
        return facility;
    }

    public static Vacancy Vacancy(Guid? sectionId, int places, DateTimeOffset declaredAt, DateOnly from) => new()
    {
        SectionId = sectionId,
        Places = places,
        From = from,
        MinAgeMonths = 0,
        MaxAgeMonths = 48,
        DeclaredAt = declaredAt,
        DeclaredBy = "Personne à ne pas publier",
    };

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{url} : {(int)response.StatusCode} au lieu de {(int)expected}\n{body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts a problem+json answer whose "errors" names <paramref name="parameter"/> with a French message.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpClient client, string url, HttpStatusCode status, string? parameter)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{url} : {(int)response.StatusCode} au lieu de {(int)status}\n{body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.DoesNotContain("One or more", body, StringComparison.Ordinal);
        Assert.DoesNotContain("The value", body, StringComparison.Ordinal);
        if (parameter is not null)
        {
            var messages = problem.GetProperty("errors").GetProperty(parameter);
            Assert.True(messages.GetArrayLength() > 0, body);
            Assert.All(messages.EnumerateArray(), m => Assert.False(string.IsNullOrWhiteSpace(m.GetString())));
        }
        return problem;
    }
}
