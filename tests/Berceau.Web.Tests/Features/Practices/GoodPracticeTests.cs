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

    private static (string, string)[] Edited(string title, int version, params (string, string)[] changes) =>
        [.. Fields(title).Where(f => changes.All(c => c.Item1 != f.Item1)), .. changes, ("Input.Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    private Task<List<string>> AuditAsync(Guid id) =>
        app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());

    [Fact]
    public async Task TheSubmitter_EditsARefusedFiche_WhichIsSubmittedAgain_AndAPublishedOneLeavesTheLibraryUntilPublishedAgain()
    {
        var word = Word();
        var title = $"Atelier des parents {word}";
        var (partner, practice) = await SubmittedAsync(title);
        using var _ = partner;
        using var secretariat = await app.SignedInAsync(Roles.Steering, departement: "93");
        using var anonymous = app.Client();
        var url = $"/pro/bonnes-pratiques/{practice.Id}";
        var edit = url + "/modifier";
        OfferTestData.AssertRedirectTo(await Forms.PostFormToAsync(secretariat, url, url + "?handler=Reject", [new("Input.Version", "0"), new("Input.Reason", "Chiffrez les résultats.")]), url);

        // Refused: the submitter reads the reason on the form, filled with the fiche, and sends it again.
        var form = await Forms.TextAsync(await partner.GetAsync(edit));
        Assert.Contains("Chiffrez les résultats.", form);
        Assert.Contains("120 familles reçues en un an.", form);
        Assert.Contains("Ville de Bobigny, relais petite enfance", form);
        OfferTestData.AssertRedirectTo(await Forms.PostFormAsync(partner, edit, Edited(title, 1, ("Input.Fields[resultats]", "132 familles reçues en 2025."))), url);
        var resubmitted = (await FindAsync(title))!;
        Assert.Equal((PracticeStatus.Submitted, (string?)null, 2), (resubmitted.Status, resubmitted.Reason, resubmitted.Version));
        Assert.Equal("132 familles reçues en 2025.", resubmitted.Sections.Single(s => s.Heading == "Bénéfices et résultats").Body);
        Assert.Contains(title, await Forms.TextAsync(await secretariat.GetAsync("/pro/bonnes-pratiques")));

        // Published, then edited by its submitter: back to moderation, out of the public library until published again.
        OfferTestData.AssertRedirectTo(await Forms.PostFormToAsync(secretariat, url, url + "?handler=Publish", [new("Input.Version", "2")]), url);
        Assert.Contains("132 familles", await Forms.TextAsync(await anonymous.GetAsync($"/bonnes-pratiques/{practice.Id}")));
        Assert.Contains("elle est retirée de la bibliothèque publique", await Forms.TextAsync(await partner.GetAsync(edit)));
        OfferTestData.AssertRedirectTo(await Forms.PostFormAsync(partner, edit, Edited(title, 3, ("Input.Fields[details]", $"Le mardi matin, salle {word}Bis."))), url);
        Assert.Equal(PracticeStatus.Submitted, (await FindAsync(title))!.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/bonnes-pratiques/{practice.Id}")).StatusCode);
        Assert.Contains("Aucune fiche ne correspond", await Forms.TextAsync(await anonymous.GetAsync("/bonnes-pratiques?q=" + word)));
        OfferTestData.AssertRedirectTo(await Forms.PostFormToAsync(secretariat, url, url + "?handler=Publish", [new("Input.Version", "4")]), url);
        Assert.Contains(title, await Forms.TextAsync(await anonymous.GetAsync($"/bonnes-pratiques?q={word}bis")));
        Assert.Equal(["bonne pratique proposée", "bonne pratique refusée", "bonne pratique modifiée par son auteur", "bonne pratique publiée",
            "bonne pratique modifiée par son auteur", "bonne pratique publiée"], await AuditAsync(practice.Id));
    }

    [Fact]
    public async Task TheSecretariat_CorrectsAFiche_WhichKeepsItsState_TheVadeMecumsOnesByAdminsOnly()
    {
        var title = $"Permanence des modes d’accueil {Word()}";
        var (partner, practice) = await SubmittedAsync(title);
        using var _ = partner;
        using var secretariat = await app.SignedInAsync(Roles.Steering, departement: "93");
        var url = $"/pro/bonnes-pratiques/{practice.Id}";
        OfferTestData.AssertRedirectTo(await Forms.PostFormToAsync(secretariat, url, url + "?handler=Publish", [new("Input.Version", "0")]), url);
        Assert.Contains("Modifier la fiche", await Forms.TextAsync(await secretariat.GetAsync(url)));
        var corrected = title + " (corrigée)";
        OfferTestData.AssertRedirectTo(await Forms.PostFormAsync(secretariat, url + "/modifier", Edited(corrected, 1)), url);
        var after = (await FindAsync(corrected))!;
        Assert.Equal((PracticeStatus.Published, 2), (after.Status, after.Version));
        using var anonymous = app.Client();
        Assert.Contains("(corrigée)", await Forms.TextAsync(await anonymous.GetAsync($"/bonnes-pratiques/{practice.Id}")));
        Assert.Equal("bonne pratique corrigée par le secrétariat", (await AuditAsync(practice.Id))[^1]);

        // A fiche of the vade-mecum: not the partners' nor a département's secretariat, the admins correct it and it keeps its source.
        var imported = await app.WithDbAsync(db => db.GoodPractices.AsNoTracking().Where(p => p.Title.StartsWith("Expérimenter ISAJE")).SingleAsync());
        var importedEdit = $"/pro/bonnes-pratiques/{imported.Id}/modifier";
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync(importedEdit)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync(importedEdit)).StatusCode);
        using var admin = await app.SignedInAsync(Roles.Admin);
        var form = await Forms.TextAsync(await admin.GetAsync(importedEdit));
        Assert.Contains("vient du vade-mecum national", form);
        Assert.DoesNotContain("Input.Organisation", form);
        // Sent back unchanged (the correction of a shared fiche would disturb other tests): saved, audited, still published.
        var fields = imported.FieldValues().Select(f => (Name: $"Input.Fields[{f.Key}]", Value: f.Value ?? ""))
            .Concat([("Input.Title", imported.Title), ("Input.Theme", imported.Theme.ToString()), ("Input.Place", imported.Place), ("Input.Version", imported.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        OfferTestData.AssertRedirectTo(await Forms.PostFormAsync(admin, importedEdit, [.. fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))]), $"/pro/bonnes-pratiques/{imported.Id}");
        var saved = await app.WithDbAsync(db => db.GoodPractices.AsNoTracking().SingleAsync(p => p.Id == imported.Id));
        Assert.Equal((imported.SectionsJson, imported.Source, PracticeStatus.Published, imported.Version + 1), (saved.SectionsJson, saved.Source, saved.Status, saved.Version));
    }

    [Fact]
    public async Task AStaleEditRefused_IsShownAgainWithTheVersionItWasDrawnFrom_SoSendingItAgainOverwritesNothing()
    {
        var title = $"Fiche modifiée à deux {Word()}";
        var (partner, practice) = await SubmittedAsync(title);
        using var _ = partner;
        using var secretariat = await app.SignedInAsync(Roles.Steering, departement: "93");
        var edit = $"/pro/bonnes-pratiques/{practice.Id}/modifier";
        Assert.Equal("0", Forms.HiddenValue(await Forms.TextAsync(await partner.GetAsync(edit)), "Input.Version"));
        var corrected = title + " (corrigée)";
        OfferTestData.AssertRedirectTo(await Forms.PostFormAsync(secretariat, edit, Edited(corrected, 0)), $"/pro/bonnes-pratiques/{practice.Id}");

        // The partner sends the form it opened before the correction: refused, and the form shown again is still that one.
        var stale = await Forms.TextAsync(await Forms.PostFormAsync(partner, edit, Edited(title + " bis", 0)));
        Assert.Contains("modifié par quelqu’un d’autre", Assert.Single(Forms.ErrorSummary(stale)));
        var version = Forms.HiddenValue(stale, "Input.Version")!;
        Assert.Equal("0", version);
        var again = await Forms.PostFormAsync(partner, edit, Edited(title + " bis", int.Parse(version, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("modifié par quelqu’un d’autre", Assert.Single(Forms.ErrorSummary(await Forms.TextAsync(again))));
        Assert.Equal((corrected, 1), ((await FindAsync(corrected))!.Title, (await FindAsync(corrected))!.Version));
    }

    [Fact]
    public async Task AStalePublicationRefused_IsShownAgainWithTheVersionItWasDrawnFrom_SoSendingItAgainPublishesNothing()
    {
        var title = $"Fiche publiée trop tôt {Word()}";
        var (partner, practice) = await SubmittedAsync(title);
        using var _ = partner;
        using var secretariat = await app.SignedInAsync(Roles.Steering, departement: "93");
        var url = $"/pro/bonnes-pratiques/{practice.Id}";
        Assert.Equal("0", Forms.HiddenValue(await Forms.TextAsync(await secretariat.GetAsync(url)), "Input.Version"));
        // The submitter changes its fiche after the secretariat opened it.
        OfferTestData.AssertRedirectTo(await Forms.PostFormAsync(partner, url + "/modifier", Edited(title, 0, ("Input.Fields[resultats]", "Chiffres revus."))), url);

        var stale = await Forms.TextAsync(await Forms.PostFormToAsync(secretariat, url, url + "?handler=Publish", [new("Input.Version", "0")]));
        Assert.Contains("modifié par quelqu’un d’autre", Assert.Single(Forms.ErrorSummary(stale)));
        var version = Forms.HiddenValue(stale, "Input.Version")!;
        Assert.Equal("0", version);
        var again = await Forms.TextAsync(await Forms.PostFormToAsync(secretariat, url, url + "?handler=Publish", [new("Input.Version", version)]));
        Assert.Contains("modifié par quelqu’un d’autre", Assert.Single(Forms.ErrorSummary(again)));
        Assert.Equal((PracticeStatus.Submitted, 1), ((await FindAsync(title))!.Status, (await FindAsync(title))!.Version));
    }

    [Fact]
    public async Task EditingAFiche_BadInputAndAStaleForm_ChangeNothing_AndOthersFindNothing()
    {
        var title = $"Fiche à corriger {Word()}";
        var (partner, practice) = await SubmittedAsync(title);
        using var _ = partner;
        var edit = $"/pro/bonnes-pratiques/{practice.Id}/modifier";
        var refused = await Forms.PostFormAsync(partner, edit, Edited(title, 0, ("Input.Title", "Fi"), ("Input.Fields[contexte]", " "), ("Input.Organisation", "")));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var errors = Forms.ErrorSummary(await Forms.TextAsync(refused));
        Assert.Contains("Remplissez la rubrique « Contexte ».", errors);
        Assert.Contains(errors, e => e.StartsWith("Donnez un titre à la bonne pratique", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Indiquez l’organisation qui propose la fiche", StringComparison.Ordinal));
        var stale = await Forms.PostFormAsync(partner, edit, Edited(title + " bis", 5));
        Assert.Contains("modifié par quelqu’un d’autre", Assert.Single(Forms.ErrorSummary(await Forms.TextAsync(stale))));
        var after = (await FindAsync(title))!;
        Assert.Equal((after.SectionsJson, after.Source, 0), (practice.SectionsJson, practice.Source, after.Version));
        Assert.Equal(["bonne pratique proposée"], await AuditAsync(practice.Id));

        using var otherPartner = await app.SignedInAsync(Roles.Partner, commune: "93048");
        using var otherDepartement = await app.SignedInAsync(Roles.Steering, departement: "92");
        using var agent = await app.SignedInAsync(Roles.Agent, departement: "93");
        foreach (var client in new[] { otherPartner, otherDepartement, agent })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(edit)).StatusCode);
            var token = await Forms.AntiforgeryTokenAsync(client, "/pro/bonnes-pratiques/proposer/intermediate");
            using var body = new FormUrlEncodedContent([.. Edited("Fiche détournée", 0).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)), new(Forms.TokenField, token)]);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync(edit, body)).StatusCode);
        }
        Assert.Equal(0, (await FindAsync(title))!.Version);
        var (family, _, _) = await Accounts.SignInAsNewFamilyAsync(app);
        OfferTestData.AssertForbidden(await family.GetAsync(edit));
    }
}
