using Berceau.Domain.Practices;
using Berceau.Domain.Tests.Observatory;

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

    private static PracticeContent Content(GoodPractice practice, string? title = null, Action<Dictionary<string, string?>>? change = null)
    {
        var fields = practice.FieldValues().ToDictionary(f => f.Key, f => f.Value);
        change?.Invoke(fields);
        return new PracticeContent(title ?? practice.Title, practice.Theme, practice.Format, practice.Place, fields);
    }

    [Fact]
    public void EditedByItsSubmitter_ARefusedWithdrawnOrPublishedFiche_GoesBackToModeration()
    {
        var practice = Submitted();
        Assert.Equal(Intermediate()["contexte"], practice.FieldValues()["contexte"]);
        Assert.True(practice.Edit(Content(practice, "Café des parents au relais, deuxième version"), GoodPractice.SubmittedSource("RPE de Bobigny"), bySecretariat: false).IsSuccess);
        Assert.Equal((PracticeStatus.Submitted, 1, "RPE de Bobigny"), (practice.Status, practice.Version, practice.Organisation));
        Assert.Contains("deuxieme version", practice.SearchText);

        Assert.True(practice.Reject("Précisez les résultats chiffrés.", Now, "mod").IsSuccess);
        Assert.True(practice.Edit(Content(practice, change: f => f["resultats"] = "132 familles reçues en 2025."), null, bySecretariat: false).IsSuccess);
        Assert.Equal((PracticeStatus.Submitted, (string?)null), (practice.Status, practice.Reason));
        Assert.Equal("132 familles reçues en 2025.", practice.Sections.Single(s => s.Heading == "Bénéfices et résultats").Body);
        Assert.Equal("RPE de Bobigny", practice.Organisation);

        Assert.True(practice.Publish(Now, "mod").IsSuccess);
        Assert.True(practice.Edit(Content(practice, change: f => f["details"] = "Le mardi matin."), null, bySecretariat: false).IsSuccess);
        Assert.Equal(PracticeStatus.Submitted, practice.Status);
        Assert.Equal(["Contact", "Contexte", "Enjeux et objectifs", "Détails", "Bénéfices et résultats"], practice.Sections.Select(s => s.Heading));
    }

    [Fact]
    public void CorrectedByTheSecretariat_AFicheKeepsItsState_AndBadInputChangesNothing()
    {
        var practice = Submitted();
        Assert.True(practice.Publish(Now, "mod").IsSuccess);
        Assert.True(practice.Edit(Content(practice, "Café des parents du relais"), null, bySecretariat: true).IsSuccess);
        Assert.Equal((PracticeStatus.Published, "Café des parents du relais", 2), (practice.Status, practice.Title, practice.Version));

        var before = (practice.SectionsJson, practice.Title, practice.Version);
        var refused = practice.Edit(Content(practice, "Café", f => f["contexte"] = " "), null, bySecretariat: false);
        Assert.Equal(["practice-title", "practice-field-required"], refused.Problems.Select(p => p.Code));
        Assert.Equal((before, PracticeStatus.Published), ((practice.SectionsJson, practice.Title, practice.Version), practice.Status));
    }

    [Fact]
    public void AnImportedFiche_IsCorrectedByTheSecretariatOnly_SectionBySection_AndKeepsItsSource()
    {
        var read = VadeMecumReader.Read(File.ReadAllText(CnafFile.DataPath("vade_mecum_bonnes_pratiques.txt")));
        var imported = read.Select(p => GoodPractice.Imported(p.Title, p.Theme, p.Format, p.Place, p.Sections, VadeMecumReader.SourceOf(p.Page), Now, "vade-mecum")).ToList();
        // Every fiche of the document can be corrected as it was read: its sections are its fields.
        Assert.All(imported, p => Assert.True(p.Edit(Content(p), null, bySecretariat: true).IsSuccess, p.Title));
        var fiche = imported[0];
        Assert.True(fiche.IsImported);
        Assert.Equal(fiche.Sections.Select(s => s.Heading), fiche.EditableFields().Select(f => f.Heading));
        Assert.Equal(["practice-imported"], fiche.Edit(Content(fiche), GoodPractice.SubmittedSource("Un partenaire"), bySecretariat: false).Problems.Select(p => p.Code));
        Assert.True(fiche.Edit(Content(fiche, change: f => f["rubrique-1"] += " (corrigé)"), GoodPractice.SubmittedSource("Un partenaire"), bySecretariat: true).IsSuccess);
        Assert.EndsWith("(corrigé)", fiche.Sections[0].Body);
        Assert.StartsWith("Vade-mecum des bonnes pratiques", fiche.Source);
        Assert.Equal(PracticeStatus.Published, fiche.Status);
    }

    [Theory]
    [InlineData("Crèche À la demande", "creche a la demande")]
    [InlineData("l'accueil — des tout-petits", "l accueil des tout petits")]
    public void SearchWords_IgnoreCaseAccentsAndPunctuation(string text, string expected) => Assert.Equal(expected, Berceau.Domain.Common.SearchWords.Fold(text));
}
