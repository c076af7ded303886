using Berceau.Domain.Practices;
using Berceau.Domain.Tests.Observatory;

namespace Berceau.Domain.Tests.Practices;

/// <summary>The vade-mecum's fiches as read from its text (data/vade_mecum_bonnes_pratiques.txt), checked against the document by hand.</summary>
public class VadeMecumReaderTests
{
    private static readonly IReadOnlyList<ReadPractice> Fiches = VadeMecumReader.Read(File.ReadAllText(CnafFile.DataPath("vade_mecum_bonnes_pratiques.txt")));

    [Fact]
    public void EveryFicheOfTheTableOfContents_IsRead_UnderItsTheme()
    {
        Assert.Equal(45, Fiches.Count);
        Assert.Equal([10, 15, 6, 7, 7], PracticeFormats.Themes.Select(t => Fiches.Count(f => f.Theme == t)));
        Assert.All(Fiches, f => Assert.NotEmpty(f.Sections));
        Assert.Equal(Fiches.Count, Fiches.Select(f => f.Title).Distinct().Count());
    }

    [Fact]
    public void TheNantesForum_IsADetailedFiche_WithTheSectionsOfTheModel()
    {
        var forum = Fiches.Single(f => f.Title.StartsWith("Forum de l'accueil des tout-petits", StringComparison.Ordinal));
        Assert.Equal((10, PracticeTheme.Information, PracticeFormat.Detailed), (forum.Page, forum.Theme, forum.Format));
        Assert.Equal("Nantes, Pays de la Loire, Loire-Atlantique", forum.Place);
        string Section(string heading) => forum.Sections.Single(s => s.Heading == heading).Body;
        Assert.Equal("2017", Section("Date de lancement"));
        Assert.StartsWith("La ville de Nantes organise 4 fois par an un forum de l'accueil des tout-petits", Section("Contexte"));
        Assert.Contains("Coût : environ 12 000 €/an", Section("Moyens nécessaires"));
        Assert.StartsWith("- Des forums qui interviennent en dehors du temps de travail habituel", Section("Difficultés rencontrées"));
        // The page furniture is gone: the title repeated on page 2, the theme in the margin, the markdown emphasis.
        Assert.DoesNotContain(forum.Sections, s => s.Body.Contains("(2/2)", StringComparison.Ordinal) || s.Body.Contains("**", StringComparison.Ordinal));
        Assert.DoesNotContain(forum.Sections, s => s.Body.Split('\n').Contains("des familles"));
    }

    [Fact]
    public void FormatsFollowTheDocument_OneOrTwoPages_OrSeveralInitiatives()
    {
        Assert.Equal(PracticeFormat.Intermediate, Fiches.Single(f => f.Title.StartsWith("Présenter le métier des assistants maternels lors d'un café-poussette", StringComparison.Ordinal)).Format);
        var online = Fiches.Single(f => f.Title.StartsWith("Comment informer en ligne", StringComparison.Ordinal));
        Assert.Equal(PracticeFormat.Transverse, online.Format);
        Assert.Equal("Défis auxquels sont confrontés les acteurs de la petite enfance", online.Sections[0].Heading);
        Assert.Contains(online.Sections, s => s.Heading == "Présenter l'offre d'accueil présente dans la commune" && s.Body.StartsWith("La ville de Toulouse propose une carte interactive", StringComparison.Ordinal));
        var isaje = Fiches.Single(f => f.Title.StartsWith("Expérimenter ISAJE à Montreuil", StringComparison.Ordinal));
        Assert.Equal((PracticeTheme.Tooling, PracticeFormat.Detailed, "Ville de Montreuil, Seine-Saint-Denis, Île-de-France"), (isaje.Theme, isaje.Format, isaje.Place));
        Assert.Equal(PracticeTheme.Governance, Fiches[^1].Theme);
        Assert.DoesNotContain(Fiches[^1].Sections, s => s.Body.Contains("Partagez vos bonnes pratiques", StringComparison.Ordinal));
    }

    [Fact]
    public void AnotherText_IsRefused_WithAReason() =>
        Assert.Contains("sommaire", Assert.Throws<FormatException>(() => VadeMecumReader.Read("Un autre document\nsans sommaire")).Message);
}
