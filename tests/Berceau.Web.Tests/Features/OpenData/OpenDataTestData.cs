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
        var facility = new Facility
        {
            Name = name,
            Mode = CareMode.EajeCollectif,
            ManagerType = ManagerType.Municipal,
            ManagerName = "Ville de test",
            CommuneCode = communeCode,
            Street = "1 rue de l’Essai",
            PostalCode = "93100",
            Latitude = 48.8611,
            Longitude = 2.4432,
            IsPsu = true,
            OpensAt = new TimeOnly(7, 30),
            ClosesAt = new TimeOnly(18, 30),
            ReceptionTypes = ReceptionTypes.Regular | ReceptionTypes.Occasional,
            Languages = "anglais, arabe",
            Phone = "01 99 00 12 34",
            Website = "https://creche.example",
        };
        foreach (var (sectionName, min, max, places) in sections)
            facility.Sections.Add(new Section { Name = sectionName, MinAgeMonths = min, MaxAgeMonths = max, Places = places });
        return facility;
    }

    public static Facility Childminder(string communeCode, string name) => new()
    {
        Name = name,
        Mode = CareMode.AssistantMaternel,
        ManagerType = ManagerType.Private,
        CommuneCode = communeCode,
        Street = "12 rue du Domicile",
        PostalCode = "93100",
        Latitude = 48.861234,
        Longitude = 2.443219,
        Phone = "01 99 00 98 76",
        Agrement = new Agrement(3, 0, 48, new DateOnly(2029, 1, 1), "AG-TEST"),
    };

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

    public static async Task<Facility> SaveAsync(this BerceauApp app, Facility facility)
    {
        await app.WithDbAsync(async db =>
        {
            db.Facilities.Add(facility);
            return await db.SaveChangesAsync();
        });
        return facility;
    }

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
