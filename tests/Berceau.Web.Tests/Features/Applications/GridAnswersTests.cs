using System.Net;
using Berceau.Data.Grid;
using Berceau.Domain.Applications;
using Berceau.Domain.Grid;
using Berceau.Domain.Offer;
using Berceau.Web.Tests.Features.Applications.BackOffice;
using Berceau.Web.Tests.Support;
using static Berceau.Web.Tests.Features.Applications.ApplicationTestData;

namespace Berceau.Web.Tests.Features.Applications;

/// <summary>
/// The form asks the questions of the commune's points grid, and the family and the guichet read the points they give. Each
/// test uses a commune of its own: the grid a commune publishes decides which questions its form asks.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class GridAnswersTests(BerceauApp app)
{
    /// <summary>Without a grid: every question is asked.</summary>
    private const string Rosny = "93064";
    private const string RosnyPostalCode = "93110";
    /// <summary>A grid rewarding only the PMI support (and the parents, and seniority).</summary>
    private const string Villemomble = "93077";
    private const string VillemomblePostalCode = "93250";
    /// <summary>A grid rewarding everything (like Metz's).</summary>
    private const string NoisyLeSec = "93053";
    private const string NoisyLeSecPostalCode = "93130";

    private static Dictionary<string, string> Form(string commune, string postalCode, params Facility[] wishes)
    {
        var form = ValidForm(commune, [.. wishes.Select(w => w.Id.ToString())]);
        form["Input.PostalCode"] = postalCode;
        return form;
    }

    private Task PublishAsync(PointsGrid grid) =>
        app.WithDbAsync(async db =>
        {
            // Several tests of the class may publish for the same commune: its first grid stays (version 1).
            if (db.PointsGrids.Any(g => g.CommuneCode == grid.CommuneCode)) return 0;
            db.PointsGrids.Add(StoredGrid.From(grid, BerceauApp.Now, "test"));
            return await db.SaveChangesAsync();
        });

    private static PointsGrid Metz(string commune) => new()
    {
        CommuneCode = commune, Version = 1, ValidFrom = new DateOnly(2026, 1, 1),
        PerParent = new SituationPoints(Employed: 30, Training: 25, JobSeeker: 20, Insertion: 30, Other: 0),
        SingleParent = 20, QuotientBands = [new(700m, 15), new(1200m, 10), new(null, 0)], SiblingInStructure = 25,
        DisabilityInHousehold = 40, SocialSupport = 30, PointsPerMonthWaited = 2, MaxMonthsCounted = 12, HomeSector = 10, PartnerEmployer = 50,
    };

    [Fact]
    public async Task WithoutAGrid_TheFormAsksEveryQuestion()
    {
        await app.CrechesAsync(Rosny, 1);
        var (client, _) = await app.SignedInFamilyAsync();

        var page = await Forms.TextAsync(await client.GetAsync(NewPath(Rosny)));

        Assert.Contains("Les critères de la grille de points", page);
        Assert.Contains("Quotient familial CAF, en euros par mois (facultatif)", page);
        Assert.Contains("Notre famille est suivie par la PMI ou un service social qui soutient la demande", page);
        Assert.Contains("Crèches où un frère ou une sœur de l’enfant est déjà accueilli (facultatif)", page);
        Assert.Contains("Crèches où l’employeur d’un parent réserve des places (facultatif)", page);
    }

    [Fact]
    public async Task Submit_SavesTheGridAnswers_AndThePagesShowThemBack()
    {
        var creches = await app.CrechesAsync(Rosny, 2);
        var (client, _) = await app.SignedInFamilyAsync();
        var form = Form(Rosny, RosnyPostalCode, creches[0]);
        form["Input.QuotientFamilial"] = "850,50";
        form["Input.SocialSupport"] = "true";
        form["Input.SiblingFacilities[0]"] = creches[1].Id.ToString();
        form["Input.PartnerEmployerFacilities[0]"] = creches[0].Id.ToString();
        form["Input.PartnerEmployerFacilities[1]"] = creches[1].Id.ToString();

        using var response = await PostAsync(client, NewPath(Rosny), form);

        var id = IdFrom(response);
        var stored = await app.StoredAsync(id);
        Assert.Equal(ApplicationStatus.Submitted, stored.Status);
        Assert.Equal(850.50m, stored.QuotientFamilial);
        Assert.True(stored.SocialSupport);
        Assert.Equal([creches[1].Id], stored.SiblingFacilities);
        Assert.Equal([creches[0].Id, creches[1].Id], stored.PartnerEmployerFacilities);
        var page = await Forms.TextAsync(await client.GetAsync($"/famille/demandes/{id}"));
        Assert.Contains("850,5 € par mois", page);
        Assert.Contains($"{creches[0].Name}, {creches[1].Name}", page);
        // The guichet checks what the answers claim: the PMI's letter, the employer's attestation; the CAF number gives the quotient.
        Assert.Contains("Courrier de la PMI ou du service social qui soutient la demande", page);
        Assert.Contains("Attestation de l’employeur partenaire de la crèche", page);
        Assert.DoesNotContain("Attestation de quotient familial de la CAF", page);
    }

    [Fact]
    public async Task ADraft_KeepsTheAnswers_AndItsFormShowsThemChecked()
    {
        var creches = await app.CrechesAsync(Rosny, 2);
        var (client, _) = await app.SignedInFamilyAsync();
        var form = Form(Rosny, RosnyPostalCode, creches[0]);
        form["action"] = "brouillon";
        form["Input.QuotientFamilial"] = "620";
        form["Input.SiblingFacilities[0]"] = creches[1].Id.ToString();

        var id = IdFrom(await PostAsync(client, NewPath(Rosny), form));
        var edit = await Forms.TextAsync(await client.GetAsync($"/famille/demandes/{id}/modifier"));

        Assert.Contains("name=\"Input.QuotientFamilial\" type=\"text\" value=\"620\"", edit);
        Assert.Matches($"<input checked=\"checked\"[^>]*name=\"Input.SiblingFacilities\"[^>]*value=\"{creches[1].Id}\"", edit);
    }

    public static TheoryData<string, string, string> BadAnswers => new()
    {
        { "Input.QuotientFamilial", "beaucoup", "Saisissez un nombre." },
        { "Input.QuotientFamilial", "100 001", "Le quotient familial est un montant en euros par mois, entre 0 et 100\u202f000 €" },
        { "Input.QuotientFamilial", "850,555", "au plus 2 chiffres après la virgule" },
        { "Input.SiblingFacilities[0]", "pas-une-creche", "Choisissez les crèches du frère ou de la sœur dans la liste des crèches de la commune." },
        { "Input.PartnerEmployerFacilities[0]", Guid.NewGuid().ToString(), "Choisissez les crèches de l’employeur dans la liste des crèches de la commune." },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task ABadAnswer_IsToldInFrench_NextToItsQuestion_AndNothingIsSaved_NotEvenADraft(string field, string value, string message)
    {
        var creches = await app.CrechesAsync(Rosny, 1);
        var (client, userId) = await app.SignedInFamilyAsync();
        var form = Form(Rosny, RosnyPostalCode, creches[0]);
        form[field] = value;

        using var submitted = await PostAsync(client, NewPath(Rosny), form);
        form["action"] = "brouillon";
        using var draft = await PostAsync(client, NewPath(Rosny), form);

        foreach (var response in new[] { submitted, draft })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains(Forms.ErrorSummary(html), e => e.Contains(message, StringComparison.Ordinal));
            var anchor = field.Split('[')[0].Replace('.', '_');
            Assert.Contains($"href=\"#{anchor}\"", html);
        }
        Assert.Empty(await app.ApplicationsOfAsync(userId));
    }

    [Fact]
    public async Task AtTheCounter_TheSameChecksApply_AndTheAnswersAreSaved()
    {
        var creches = await app.CrechesAsync(Rosny, 1);
        using var agent = await app.SignedInAgentAsync(Rosny);
        var path = "/pro/demandes/nouvelle?commune=" + Rosny;
        var name = BackOfficeTestData.UniqueFamilyName();
        var form = Form(Rosny, RosnyPostalCode, creches[0]);
        form["Input.Child.LastName"] = name;
        form["Input.QuotientFamilial"] = "-5";

        using var refused = await PostAsync(agent, path, form);
        form["Input.QuotientFamilial"] = "700";
        form["Input.SocialSupport"] = "true";
        form["Input.CreationKey"] = Guid.NewGuid().ToString();
        using var accepted = await PostAsync(agent, path, form);

        // A negative amount is read as a number, and the range says what is expected.
        Assert.Contains(await Forms.ErrorSummaryAsync(refused), e => e.StartsWith("Le quotient familial est un montant en euros par mois", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var stored = await app.WithDbAsync(db => Task.FromResult(db.Applications.Single(a => a.ChildLastName == name)));
        Assert.Equal((700m, true), (stored.QuotientFamilial, stored.SocialSupport));
    }

    [Fact]
    public async Task WithAGrid_TheFormAsksOnlyWhatItRewards_AndDropsOtherAnswers()
    {
        await PublishAsync(Metz(Villemomble) with { QuotientBands = [], SiblingInStructure = 0, PartnerEmployer = 0 });
        var creches = await app.CrechesAsync(Villemomble, 1);
        var (client, _) = await app.SignedInFamilyAsync();
        var form = Form(Villemomble, VillemomblePostalCode, creches[0]);
        form["Input.QuotientFamilial"] = "850";
        form["Input.SocialSupport"] = "true";
        form["Input.SiblingFacilities[0]"] = creches[0].Id.ToString();
        form["Input.PartnerEmployerFacilities[0]"] = creches[0].Id.ToString();

        var page = await Forms.TextAsync(await client.GetAsync(NewPath(Villemomble)));
        using var response = await PostAsync(client, NewPath(Villemomble), form);

        Assert.Contains("suivie par la PMI ou un service social", page);
        Assert.Contains("Lire la grille de points de Villemomble", page);
        Assert.DoesNotContain("Quotient familial CAF", page);
        Assert.DoesNotContain("Input.SiblingFacilities", page);
        Assert.DoesNotContain("Input.PartnerEmployerFacilities", page);
        var stored = await app.StoredAsync(IdFrom(response));
        Assert.True(stored.SocialSupport);
        Assert.Null(stored.QuotientFamilial);
        Assert.Empty(stored.SiblingFacilities);
        Assert.Empty(stored.PartnerEmployerFacilities);
    }

    [Fact]
    public async Task TheFamilyAndTheAgent_ReadThePointsOfEachWish_LineByLine()
    {
        await PublishAsync(Metz(NoisyLeSec));
        var creches = await app.CrechesAsync(NoisyLeSec, 2);
        var (client, _) = await app.SignedInFamilyAsync();
        var form = Form(NoisyLeSec, NoisyLeSecPostalCode, creches[0], creches[1]);
        form["Input.QuotientFamilial"] = "650";
        form["Input.SocialSupport"] = "true";
        form["Input.SiblingFacilities[0]"] = creches[0].Id.ToString();
        form["Input.PartnerEmployerFacilities[0]"] = creches[1].Id.ToString();
        var id = IdFrom(await PostAsync(client, NewPath(NoisyLeSec), form));
        using var agent = await app.SignedInAgentAsync(NoisyLeSec);

        var family = await Forms.TextAsync(await client.GetAsync($"/famille/demandes/{id}"));
        var file = await Forms.TextAsync(await agent.GetAsync($"/pro/demandes/{id}"));

        // One parent in work 30, single parent 20, QF up to 700 € 15, PMI 30, submitted today 0: 95 at every crèche;
        // then 25 for the sibling at the first, 50 for the partner employer at the second.
        Assert.Contains("Vos points", family);
        Assert.Contains("Points selon la grille", file);
        foreach (var page in new[] { family, file })
        {
            Assert.Contains("version 1, en vigueur depuis le 01/01/2026", page);
            Assert.Contains("date de gel", page);
            Assert.Matches($@"1\. {creches[0].Name}</th>\s*<td[^>]*>120 points</td>", page);
            Assert.Matches($@"2\. {creches[1].Name}</th>\s*<td[^>]*>145 points</td>", page);
            Assert.Contains("Quotient familial : de 0 à 700 €", page);
            Assert.Matches(@"Accompagnement par la PMI ou un service social</td>\s*<td[^>]*>30</td>", page);
            Assert.Matches(@"Sous-total</th>\s*<td[^>]*>95 points</td>", page);
            Assert.Matches(@"Frère ou sœur déjà accueilli dans cette structure</td>\s*<td[^>]*>25</td>", page);
            Assert.Matches(@"Employeur partenaire de cette structure</td>\s*<td[^>]*>50</td>", page);
        }
    }

    [Fact]
    public async Task WithoutAGrid_ThePagesSaySoPlainly()
    {
        var creches = await app.CrechesAsync(Rosny, 1);
        var (client, _) = await app.SignedInFamilyAsync();
        var id = IdFrom(await PostAsync(client, NewPath(Rosny), Form(Rosny, RosnyPostalCode, creches[0])));
        using var agent = await app.SignedInAgentAsync(Rosny);

        var family = await Forms.TextAsync(await client.GetAsync($"/famille/demandes/{id}"));
        var file = await Forms.TextAsync(await agent.GetAsync($"/pro/demandes/{id}"));

        Assert.Contains("Rosny-sous-Bois n’a pas publié de grille de points en vigueur sur ce site", family);
        Assert.Contains("Renseignez-vous auprès du guichet", family);
        Assert.Contains("Rosny-sous-Bois n’a pas publié de grille de points en vigueur sur ce site", file);
        Assert.Contains("Publier la grille de points de Rosny-sous-Bois", file);
    }
}
