using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Practices;
using Berceau.Web.Tests.Features.Offer;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Features.Practices;

/// <summary>
/// The good-practice library through the real pages: the vade-mecum's fiches are public and searchable; a partner's submission is
/// invisible until the secretariat of its département publishes it; bad input changes nothing; only the submitter and the
/// secretariat of its département open a submission. Each test's fiche carries a unique word, so that searches find its own.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class GoodPracticeTests(BerceauApp app)
{
    private const string SubmitUrl = "/pro/bonnes-pratiques/proposer/intermediate";

    private static string Word() => "Zorglub" + Guid.NewGuid().ToString("N")[..8];

    private static (string, string)[] Fields(string title, string version = "") =>
    [
        ("Input.Title", title), ("Input.Theme", "Information"), ("Input.Organisation", "Ville de Bobigny, relais petite enfance"),
        ("Input.Place", "Bobigny, Seine-Saint-Denis, Île-de-France"), ("Input.Fields[contact]", "Mme Exemple, animatrice du RPE"),
        ("Input.Fields[contexte]", "Des familles ne connaissent pas les assistants maternels."), ("Input.Fields[objectifs]", "Présenter le métier aux parents."),
        ("Input.Fields[resultats]", "120 familles reçues en un an."),
    ];

    private Task<GoodPractice?> FindAsync(string title) =>
        app.WithDbAsync(db => db.GoodPractices.AsNoTracking().FirstOrDefaultAsync(p => p.Title == title));

    private async Task<(HttpClient Partner, GoodPractice Practice)> SubmittedAsync(string title)
    {
        var partner = await app.SignedInAsync(Roles.Partner, commune: "93048");
        var response = await Forms.PostFormAsync(partner, SubmitUrl, Fields(title));
        var practice = (await FindAsync(title))!;
        OfferTestData.AssertRedirectTo(response, $"/pro/bonnes-pratiques/{practice.Id}");
        return (partner, practice);
    }

    [Fact]
    public async Task TheVadeMecumsFiches_ArePublic_AndFoundByWordsWithoutAccents_ThemeAndFormat()
    {
        using var anonymous = app.Client();
        var found = await Forms.TextAsync(await anonymous.GetAsync("/bonnes-pratiques?q=isaje+montreuil"));
        Assert.Contains("Expérimenter ISAJE à Montreuil", found);
        var id = await app.WithDbAsync(db => db.GoodPractices.Where(p => p.Title.StartsWith("Expérimenter ISAJE")).Select(p => p.Id).SingleAsync());
        var fiche = await Forms.TextAsync(await anonymous.GetAsync($"/bonnes-pratiques/{id}"));
        Assert.Contains("Source : Vade-mecum des bonnes pratiques pour informer et accompagner les parents", fiche);
        Assert.Contains("janvier 2025, p. 66", fiche);
        Assert.Contains("Ville de Montreuil, Seine-Saint-Denis, Île-de-France", fiche);

        var transverse = await Forms.TextAsync(await anonymous.GetAsync("/bonnes-pratiques?theme=Governance&format=Transverse"));
        Assert.Contains("Comment mieux articuler les acteurs du SPPE au sein d'une gouvernance commune ?", transverse);
        Assert.DoesNotContain("Expérimenter ISAJE", transverse);
        Assert.Contains("Aucune fiche ne correspond", await Forms.TextAsync(await anonymous.GetAsync("/bonnes-pratiques?q=" + Word())));
        // Unknown filters filter nothing; a page beyond the last shows the last.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/bonnes-pratiques?theme=%3Cscript%3E&format=9&page=999")).StatusCode);
    }

    [Fact]
    public async Task APartnersSubmission_IsInvisibleUntilTheSecretariatPublishesIt_ThenFoundByItsWords()
    {
        var word = Word();
        var title = $"Café des parents {word}";
        var (partner, practice) = await SubmittedAsync(title);
        using var anonymous = app.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/bonnes-pratiques/{practice.Id}")).StatusCode);
        Assert.Contains("Aucune fiche ne correspond", await Forms.TextAsync(await anonymous.GetAsync("/bonnes-pratiques?q=" + word)));
        Assert.Contains("En attente de relecture", await Forms.TextAsync(await partner.GetAsync($"/pro/bonnes-pratiques/{practice.Id}")));

        using var secretariat = await app.SignedInAsync(Roles.Steering, departement: "93");
        Assert.Contains(title, await Forms.TextAsync(await secretariat.GetAsync("/pro/bonnes-pratiques")));
        var url = $"/pro/bonnes-pratiques/{practice.Id}";
        OfferTestData.AssertRedirectTo(await Forms.PostFormToAsync(secretariat, url, url + "?handler=Publish", [new("Input.Version", "0")]), url);

        var search = await Forms.TextAsync(await anonymous.GetAsync($"/bonnes-pratiques?q=CAFE+{word.ToUpperInvariant()}"));
        Assert.Contains(title, search);
        var page = await Forms.TextAsync(await anonymous.GetAsync($"/bonnes-pratiques/{practice.Id}"));
        Assert.Contains("120 familles reçues en un an.", page);
        Assert.Contains("Source : Proposée par Ville de Bobigny, relais petite enfance", page);
        Assert.Equal(["bonne pratique proposée", "bonne pratique publiée"],
            await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == practice.Id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync()));

        // Withdrawn with a reason: gone from the public library, the reason shown to the submitter.
        OfferTestData.AssertRedirectTo(await Forms.PostFormToAsync(secretariat, url, url + "?handler=Withdraw", [new("Input.Version", "1"), new("Input.Reason", "L’initiative a pris fin.")]), url);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/bonnes-pratiques/{practice.Id}")).StatusCode);
        Assert.Contains("L’initiative a pris fin.", await Forms.TextAsync(await partner.GetAsync(url)));
    }

    [Fact]
    public async Task BadInput_IsRefusedInFrench_AndChangesNothing()
    {
        using var partner = await app.SignedInAsync(Roles.Partner, commune: "93048");
        var title = $"Fiche incomplète {Word()}";
        var fields = Fields(title).Where(f => f.Item1 is not ("Input.Fields[contexte]" or "Input.Theme")).Append(("Input.Organisation", "")).ToArray();
        var refused = await Forms.PostFormAsync(partner, SubmitUrl, [.. fields.Where(f => f.Item1 != "Input.Organisation" || f.Item2 == "")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var errors = Forms.ErrorSummary(await Forms.TextAsync(refused));
        Assert.Contains("Choisissez le thème de la bonne pratique.", errors);
        Assert.Contains("Remplissez la rubrique « Contexte ».", errors);
        Assert.Contains(errors, e => e.StartsWith("Indiquez l’organisation qui propose la fiche", StringComparison.Ordinal));
        Assert.Null(await FindAsync(title));
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync("/pro/bonnes-pratiques/proposer/affiche")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync("/pro/bonnes-pratiques/proposer/7")).StatusCode);

        var (_, practice) = await SubmittedAsync($"Fiche à refuser {Word()}");
        using var secretariat = await app.SignedInAsync(Roles.Steering, departement: "93");
        var url = $"/pro/bonnes-pratiques/{practice.Id}";
        var noReason = await Forms.PostFormToAsync(secretariat, url, url + "?handler=Reject", [new("Input.Version", "0"), new("Input.Reason", "")]);
        Assert.Contains("Expliquez pourquoi en quelques mots", Assert.Single(Forms.ErrorSummary(await Forms.TextAsync(noReason))));
        var stale = await Forms.PostFormToAsync(secretariat, url, url + "?handler=Publish", [new("Input.Version", "3")]);
        Assert.Contains("modifié par quelqu’un d’autre", Assert.Single(Forms.ErrorSummary(await Forms.TextAsync(stale))));
        var after = (await FindAsync(practice.Title))!;
        Assert.Equal((PracticeStatus.Submitted, 0), (after.Status, after.Version));
    }

    [Fact]
    public async Task OnlyTheSubmitterAndTheSecretariatOfItsDepartement_OpenASubmission()
    {
        var (_, practice) = await SubmittedAsync($"Fiche privée {Word()}");
        var url = $"/pro/bonnes-pratiques/{practice.Id}";
        using var otherPartner = await app.SignedInAsync(Roles.Partner, commune: "93048");
        using var otherDepartement = await app.SignedInAsync(Roles.Steering, departement: "92");
        using var agent = await app.SignedInAsync(Roles.Agent, departement: "93");
        foreach (var client in new[] { otherPartner, otherDepartement, agent })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
            var token = await Forms.AntiforgeryTokenAsync(client, "/pro/bonnes-pratiques");
            using var body = new FormUrlEncodedContent([new("Input.Version", "0"), new(Forms.TokenField, token)]);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync(url + "?handler=Publish", body)).StatusCode);
        }
        Assert.DoesNotContain(practice.Title, await Forms.TextAsync(await otherDepartement.GetAsync("/pro/bonnes-pratiques")));
        Assert.Equal(PracticeStatus.Submitted, (await FindAsync(practice.Title))!.Status);
        var (family, _, _) = await Accounts.SignInAsNewFamilyAsync(app);
        OfferTestData.AssertForbidden(await family.GetAsync("/pro/bonnes-pratiques"));
    }
}
