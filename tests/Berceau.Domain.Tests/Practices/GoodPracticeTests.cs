using Berceau.Domain.Practices;

namespace Berceau.Domain.Tests.Practices;

/// <summary>The rules of a submission (its format's fields), of moderation, and of the words the search finds.</summary>
public class GoodPracticeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string?> Intermediate() => new()
    {
        ["contact"] = "Mme Exemple, responsable du RPE",
        ["contexte"] = "Des familles ne connaissent pas les assistants maternels.",
        ["objectifs"] = "Présenter le métier aux parents.",
        ["resultats"] = "120 familles reçues en un an.",
    };

    private static GoodPractice Submitted() => GoodPractice.Submit(
        new PracticeContent("Café des parents au relais", PracticeTheme.Information, PracticeFormat.Intermediate, "Bobigny, Seine-Saint-Denis", Intermediate()),
        "Proposée par Ville de Bobigny", "93", Now, "user-1").Value;

    [Fact]
    public void ASubmission_KeepsItsFieldsInTheFormatsOrder_UnderTheirHeadings_AndWaitsForModeration()
    {
        var practice = Submitted();
        Assert.Equal(PracticeStatus.Submitted, practice.Status);
        Assert.Equal(["Contact", "Contexte", "Enjeux et objectifs", "Bénéfices et résultats"], practice.Sections.Select(s => s.Heading));
        Assert.Equal("93", practice.DepartementCode);
        Assert.Contains("cafe des parents au relais bobigny", practice.SearchText);
    }

    [Fact]
    public void ASubmission_MissingWhatItsFormatRequires_IsRefusedFieldByField()
    {
        var fields = Intermediate();
        fields.Remove("contexte");
        fields["details"] = new string('x', GoodPractice.MaxSectionLength + 1);
        var refused = GoodPractice.Submit(new PracticeContent("Café", null, PracticeFormat.Intermediate, " ", fields), "s", "93", Now, "u");
        Assert.Equal(["practice-title", "practice-theme", "practice-place", "practice-field-required", "practice-field-long"], refused.Problems.Select(p => p.Code));
        Assert.Equal("Remplissez la rubrique « Contexte ».", refused.Problems.Single(p => p.Field == "contexte").Message);
        Assert.Equal(["practice-format"], GoodPractice.Submit(new PracticeContent("Café des parents", PracticeTheme.Information, (PracticeFormat)9, "x", fields), "s", "93", Now, "u").Problems.Select(p => p.Code));
        // A transverse fiche has no territory of its own.
        var transverse = GoodPractice.Submit(new PracticeContent("Comment aller vers les familles ?", PracticeTheme.Outreach, PracticeFormat.Transverse, null,
            new Dictionary<string, string?> { ["defis"] = "Toucher les familles isolées.", ["initiatives"] = "Bus itinérant\nLe bus va dans les quartiers." }), "s", null, Now, "u");
        Assert.True(transverse.IsSuccess);
    }

    [Fact]
    public void Moderation_PublishesOrRefusesWithAReason_AndFollowsTheStates()
    {
        var practice = Submitted();
        Assert.Equal(["practice-reason"], practice.Reject("non", Now, "mod").Problems.Select(p => p.Code));
        Assert.Equal(["practice-status"], practice.Withdraw("Plus d’actualité", Now, "mod").Problems.Select(p => p.Code));
        Assert.True(practice.Reject("Précisez les résultats chiffrés.", Now, "mod").IsSuccess);
        Assert.Equal((PracticeStatus.Rejected, "Précisez les résultats chiffrés.", 1), (practice.Status, practice.Reason, practice.Version));
        Assert.True(practice.Publish(Now, "mod").IsSuccess);
        Assert.Equal((PracticeStatus.Published, null, "mod"), (practice.Status, practice.Reason, practice.ModeratedBy));
        Assert.True(practice.Withdraw("L’initiative a pris fin.", Now, "mod").IsSuccess);
        Assert.Equal(PracticeStatus.Withdrawn, practice.Status);
    }

    [Theory]
    [InlineData("Crèche À la demande", "creche a la demande")]
    [InlineData("l'accueil — des tout-petits", "l accueil des tout petits")]
    public void SearchWords_IgnoreCaseAccentsAndPunctuation(string text, string expected) => Assert.Equal(expected, GoodPractice.Searchable(text));
}
