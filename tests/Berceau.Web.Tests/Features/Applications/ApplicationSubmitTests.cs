using System.Net;
using Berceau.Domain.Applications;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Applications;
using Berceau.Web.Tests.Support;
using static Berceau.Web.Tests.Features.Applications.ApplicationTestData;

namespace Berceau.Web.Tests.Features.Applications;

/// <summary>A family applies once for the crèches of its commune: draft, then submission when every check passes.</summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class ApplicationSubmitTests(BerceauApp app)
{
    [Fact]
    public async Task Submit_WithAValidForm_SavesASubmittedApplicationWithItsReferenceWishesAndHistory()
    {
        var creches = await app.CrechesAsync(Montreuil, 3);
        var (client, userId) = await app.SignedInFamilyAsync();

        using var response = await PostAsync(client, NewPath(), ValidForm(Montreuil, [.. creches.Select(c => c.Id.ToString())]));

        var id = IdFrom(response);
        var stored = await app.StoredAsync(id);
        Assert.Equal(ApplicationStatus.Submitted, stored.Status);
        Assert.Matches(@"^DEM-93048-2026-\d{6}$", stored.Reference);
        Assert.Equal(creches.Select(c => (FacilityId?)c.Id), stored.RankedWishes.Select(w => w.FacilityId));
        var change = Assert.Single(stored.StatusChanges);
        Assert.Equal((ApplicationStatus.Draft, ApplicationStatus.Submitted, userId), (change.From, change.To, change.By));
        Assert.Equal(Today, stored.LastConfirmedOn);
        Assert.NotNull(stored.ConsentAt);
        Assert.Equal([ApplicationAudit.Created, ApplicationAudit.StatusChanged], (await app.AuditOfAsync(id)).Select(a => a.Action));
        var page = await Forms.TextAsync(await client.GetAsync($"/famille/demandes/{id}"));
        Assert.Contains("Déposée", page);
        Assert.Contains(creches[2].Name, page);
        Assert.Contains(stored.Reference, page);
        var list = await Forms.TextAsync(await client.GetAsync("/famille/demandes"));
        Assert.Contains(stored.Reference, list);
    }

    [Fact]
    public async Task SaveDraft_WithMissingAnswers_SavesADraft_ThatIsSubmittedLaterFromItsPage()
    {
        var creches = await app.CrechesAsync(Montreuil, 1);
        var (client, userId) = await app.SignedInFamilyAsync();
        var draftForm = new Dictionary<string, string>
        {
            ["Input.CommuneCode"] = Montreuil,
            ["Input.Child.LastName"] = "Petit",
            ["Input.ChildrenInHousehold"] = "1",
            ["action"] = "brouillon",
        };

        using var saved = await PostAsync(client, NewPath(), draftForm);
        var id = IdFrom(saved);
        var draft = await app.StoredAsync(id);
        var editPage = await Forms.TextAsync(await client.GetAsync($"/famille/demandes/{id}/modifier"));
        var form = ValidForm(Montreuil, creches[0].Id.ToString());
        form["Input.Version"] = draft.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var submitted = await PostAsync(client, $"/famille/demandes/{id}/modifier", form);

        Assert.Equal(ApplicationStatus.Draft, draft.Status);
        Assert.Equal("Petit", draft.ChildLastName);
        Assert.Contains("Compléter ma demande", editPage);
        Assert.Equal(id, IdFrom(submitted));
        var stored = await app.StoredAsync(id);
        Assert.Equal(ApplicationStatus.Submitted, stored.Status);
        Assert.Equal("Martin-Diallo", stored.ChildLastName);
        Assert.Single(await app.ApplicationsOfAsync(userId));
    }

    [Fact]
    public async Task Submit_AnExpectedChildFromTheSixthMonthOfPregnancy_IsAccepted()
    {
        var creches = await app.CrechesAsync(Montreuil, 1);
        var (client, _) = await app.SignedInFamilyAsync();
        var form = ValidForm(Montreuil, creches[0].Id.ToString());
        form["Input.Child.FirstName"] = "";
        form["Input.Child.BirthDate"] = "";
        form["Input.Child.ExpectedBirthDate"] = "2027-03-01";
        form["Input.DesiredStart"] = "2027-06-01";

        using var response = await PostAsync(client, NewPath(), form);

        var stored = await app.StoredAsync(IdFrom(response));
        Assert.Equal(new DateOnly(2027, 3, 1), stored.ChildExpectedBirthDate);
        Assert.Equal(ApplicationStatus.Submitted, stored.Status);
    }

    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "Input.DesiredStart", "2026-10-01", "La date d’entrée souhaitée ne peut pas être dans le passé." },
        { "Input.DesiredStart", "pas une date", "Saisissez une date valide" },
        { "Input.Child.BirthDate", "2026-12-25", "La date de naissance ne peut pas être dans le futur" },
        { "Input.Child.FirstName", "<script>alert(1)</script>", "ne contient que des lettres" },
        { "Input.Guardians[0].LastName", "Robert'); DROP TABLE Applications;--", "ne contient que des lettres" },
        { "Input.Guardians[0].Situation", "Chomeur", "Cette valeur n’est pas reconnue." },
        { "Input.CafNumber", "12AB", "Le numéro d’allocataire CAF compte 7 chiffres." },
        { "Input.AnnualResources", "beaucoup", "Saisissez un nombre." },
        { "Input.ChildrenInHousehold", "0", "La valeur doit être comprise entre 1 et 15." },
        { "Input.To", "07:00", "L’heure de départ doit être après l’heure d’arrivée." },
        { "Input.PostalCode", "75001", "Le code postal doit être un de ceux de la commune" },
        { "Input.Street", "", "Saisissez votre adresse" },
        { "Input.Consent", "false", "notice d’information" },
        { "Input.Wishes[1]", "secteur", "« toute crèche de mon secteur » n’est pas possible" },
        { "Input.Wishes[0]", "not-a-guid", "n’est pas une crèche de la commune" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Submit_WithABadAnswer_ShowsItsFrenchMessageLinkedToTheField_AndSavesNothing(string field, string value, string message)
    {
        var creches = await app.CrechesAsync(Montreuil, 1);
        var (client, userId) = await app.SignedInFamilyAsync();
        var form = ValidForm(Montreuil, creches[0].Id.ToString());
        form[field] = value;

        using var response = await PostAsync(client, NewPath(), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var errors = Forms.ErrorSummary(html);
        Assert.Contains(errors, e => e.Contains(message, StringComparison.Ordinal));
        var id = field.Replace('.', '_').Replace('[', '_').Replace(']', '_');
        Assert.Contains($"href=\"#{id}\"", html);
        Assert.Empty(await app.ApplicationsOfAsync(userId));
    }

    [Fact]
    public async Task Submit_WithAScriptInAName_ShowsItBackEncoded_NeverAsMarkup()
    {
        var (client, _) = await app.SignedInFamilyAsync();
        var form = ValidForm(Montreuil);
        form["Input.Guardians[0].FirstName"] = "<script>alert('x')</script>";

        using var response = await PostAsync(client, NewPath(), form);

        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;alert(", html);
    }

    [Fact]
    public async Task Submit_WithDuplicatedWishesOrACrecheOfAnotherCommune_IsRefused_AndNothingIsSaved()
    {
        var mine = await app.CrechesAsync(Montreuil, 1);
        var elsewhere = await app.CrechesAsync(SaintDenis, 1);
        var (client, userId) = await app.SignedInFamilyAsync();

        using var duplicated = await PostAsync(client, NewPath(), ValidForm(Montreuil, mine[0].Id.ToString(), mine[0].Id.ToString()));
        using var outside = await PostAsync(client, NewPath(), ValidForm(Montreuil, elsewhere[0].Id.ToString()));

        Assert.Contains("Le choix n° 2 est déjà dans votre liste : chaque crèche n’apparaît qu’une fois.", await Forms.ErrorSummaryAsync(duplicated));
        Assert.Contains("Le choix n° 1 n’est pas une crèche de la commune ouverte aux demandes.", await Forms.ErrorSummaryAsync(outside));
        Assert.Empty(await app.ApplicationsOfAsync(userId));
    }

    [Fact]
    public async Task SaveDraft_WithAScriptInAName_IsRefusedToo()
    {
        var (client, userId) = await app.SignedInFamilyAsync();
        var form = ValidForm(Montreuil);
        form["Input.Child.LastName"] = "<b>Petit</b>";
        form["action"] = "brouillon";

        using var response = await PostAsync(client, NewPath(), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await app.ApplicationsOfAsync(userId));
    }

    [Fact]
    public async Task Submit_WithTheSectorWish_IsAccepted_WhenTheFamilyChoseItsSector()
    {
        var sector = await app.SectorAsync(Montreuil);
        var creches = await app.CrechesAsync(Montreuil, 1, sector.Id);
        var (client, _) = await app.SignedInFamilyAsync();
        var form = ValidForm(Montreuil, creches[0].Id.ToString(), "secteur");
        form["Input.SectorId"] = sector.Id.ToString();

        using var response = await PostAsync(client, NewPath(), form);

        var stored = await app.StoredAsync(IdFrom(response));
        Assert.Equal(sector.Id, stored.SectorId);
        Assert.Null(stored.RankedWishes.Last().FacilityId);
    }

    [Fact]
    public async Task Submit_TwiceInTheSameCommune_GivesConsecutiveReferences()
    {
        var creches = await app.CrechesAsync(Montreuil, 1);
        var (client, _) = await app.SignedInFamilyAsync();

        var first = await app.StoredAsync(IdFrom(await PostAsync(client, NewPath(), ValidForm(Montreuil, creches[0].Id.ToString()))));
        var second = await app.StoredAsync(IdFrom(await PostAsync(client, NewPath(), ValidForm(Montreuil, creches[0].Id.ToString()))));

        Assert.Equal(ApplicationReference.NextNumber(first.Reference), ApplicationReference.NextNumber(second.Reference) - 1);
    }

    [Fact]
    public async Task Submit_TheSameFormTwice_CreatesOneApplication()
    {
        var creches = await app.CrechesAsync(Montreuil, 1);
        var (client, userId) = await app.SignedInFamilyAsync();
        var page = await (await client.GetAsync(NewPath())).Content.ReadAsStringAsync();
        var form = ValidForm(Montreuil, creches[0].Id.ToString());
        form["Input.CreationKey"] = Forms.HiddenValue(page, "Input.CreationKey")!;
        form[Forms.TokenField] = Forms.AntiforgeryToken(page)!;

        var posts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.PostAsync(NewPath(), new FormUrlEncodedContent(form))));

        var ids = posts.Select(IdFrom).Distinct().ToList();
        Assert.Single(ids);
        Assert.Single(await app.ApplicationsOfAsync(userId));
    }

    [Fact]
    public async Task Submit_WithAnotherFamilysFormKey_IsRefused()
    {
        var creches = await app.CrechesAsync(Montreuil, 1);
        var (familyA, _) = await app.SignedInFamilyAsync();
        var (familyB, userB) = await app.SignedInFamilyAsync();
        var key = Guid.NewGuid().ToString();
        var form = ValidForm(Montreuil, creches[0].Id.ToString());
        form["Input.CreationKey"] = key;
        IdFrom(await PostAsync(familyA, NewPath(), form));

        using var response = await PostAsync(familyB, NewPath(), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await app.ApplicationsOfAsync(userB));
    }
}
