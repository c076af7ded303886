using System.Net;
using Berceau.Domain.Applications;
using Berceau.Web.Tests.Features.Applications.Api;
using Berceau.Web.Tests.Features.Applications.BackOffice;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;
using static Berceau.Web.Tests.Features.Applications.ApplicationTestData;

namespace Berceau.Web.Tests.Features.Applications;

/// <summary>
/// Application numbers are given by the commune's counter row in the creating transaction, whatever the entry point:
/// the API, the family's form and the counter's form, all at once, never share, skip or lose a number.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class ReferenceNumberingTests(BerceauApp app)
{
    private const int PerEntryPoint = 8;
    private const string CounterPath = "/pro/demandes/nouvelle?commune=" + Montreuil;

    [Fact]
    public async Task ConcurrentCreations_FromTheApiAndBothForms_GetDistinctConsecutiveReferences_AndNoneIsLost()
    {
        var creches = await app.CrechesAsync(Montreuil, 1);
        var wish = creches[0].Id.ToString();
        var name = BackOfficeTestData.UniqueFamilyName();
        var posts = new List<Func<Task<HttpResponseMessage>>>();
        for (var i = 0; i < PerEntryPoint; i++)
        {
            var (api, _) = await ApiClients.FamilyAsync(app);
            var body = ApiClients.ValidBody(Montreuil, wish);
            body["child"] = new { firstName = "Inès", lastName = name, birthDate = "2026-06-01" };
            posts.Add(() => ApiClients.PostAsync(api, body, Guid.NewGuid().ToString()));

            var (family, _) = await app.SignedInFamilyAsync();
            posts.Add(await PreparedFormAsync(family, NewPath(), wish, name));
        }
        var agent = await app.SignedInAgentAsync();
        for (var i = 0; i < PerEntryPoint; i++) posts.Add(await PreparedFormAsync(agent, CounterPath, wish, name));

        var answers = await Task.WhenAll(posts.Select(post => Task.Run(post)));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.Redirect, a.StatusCode.ToString()));
        var references = await app.WithDbAsync(db => db.Applications.AsNoTracking().Where(a => a.ChildLastName == name)
            .Select(a => a.Reference).ToListAsync());
        Assert.Equal(3 * PerEntryPoint, references.Count);
        Assert.All(references, r => Assert.StartsWith(ApplicationReference.Prefix(Montreuil, 2026), r));
        var numbers = references.Select(r => ApplicationReference.NextNumber(r) - 1).Order().ToList();
        Assert.Equal(Enumerable.Range(numbers[0], 3 * PerEntryPoint), numbers);
    }

    [Fact]
    public async Task TheFirstNumberOfACommune_ContinuesAfterReferencesGivenBeforeTheCounterExisted()
    {
        var creches = await app.CrechesAsync(Montreuil, 1);
        var (client, userId) = await app.SignedInFamilyAsync();
        const int year = 2026;
        var prefix = ApplicationReference.Prefix(Montreuil, year);
        var older = await app.SubmittedAsync(userId, creches, Today);
        var given = await app.WithDbAsync(async db =>
        {
            // A database migrated with applications already numbered: no counter row yet, and a number well ahead.
            await db.ReferenceCounters.Where(c => c.CommuneCode == Montreuil).ExecuteDeleteAsync();
            var last = await db.Applications.Where(a => a.Reference.StartsWith(prefix))
                .OrderByDescending(a => a.Reference).Select(a => a.Reference).FirstOrDefaultAsync();
            var reference = ApplicationReference.Format(Montreuil, year, ApplicationReference.NextNumber(last) + 40);
            await db.Applications.Where(a => a.Id == new ApplicationId(older)).ExecuteUpdateAsync(s => s.SetProperty(a => a.Reference, reference));
            return reference;
        });

        var created = await app.StoredAsync(IdFrom(await PostAsync(client, NewPath(), ValidForm(Montreuil, creches[0].Id.ToString()))));

        Assert.Equal(ApplicationReference.Format(Montreuil, year, ApplicationReference.NextNumber(given)), created.Reference);
    }

    /// <summary>The form's token is fetched now, so that the returned post starts at once when all are fired together.</summary>
    private static async Task<Func<Task<HttpResponseMessage>>> PreparedFormAsync(HttpClient client, string path, string wish, string name)
    {
        var token = await Forms.AntiforgeryTokenAsync(client, path);
        var form = ValidForm(Montreuil, wish);
        form["Input.Child.LastName"] = name;
        form["Input.CreationKey"] = Guid.NewGuid().ToString();
        form[Forms.TokenField] = token;
        return () => client.PostAsync(path, new FormUrlEncodedContent(form));
    }
}
