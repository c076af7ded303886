namespace Berceau.Domain.Practices;

/// <summary>The five themes of the vade-mecum des bonnes pratiques of the service public de la petite enfance (January 2025).</summary>
public enum PracticeTheme { Information, Pathway, Outreach, Tooling, Governance }

/// <summary>The vade-mecum's three formats: a detailed fiche (two pages), an intermediate one (one page), a transverse one (several local initiatives on one question).</summary>
public enum PracticeFormat { Detailed, Intermediate, Transverse }

/// <summary>A field of a format's form: the heading it gets in the fiche, a hint, and whether a submission must fill it.</summary>
public sealed record PracticeField(string Key, string Heading, string Hint, bool Required = false, int Rows = 4);

public static class PracticeFormats
{
    public static IReadOnlyList<PracticeTheme> Themes { get; } = Enum.GetValues<PracticeTheme>();

    public static string Label(this PracticeTheme theme) => theme switch
    {
        PracticeTheme.Information => "Information et orientation des familles",
        PracticeTheme.Pathway => "Parcours et démarches",
        PracticeTheme.Outreach => "Actions d’aller-vers pour limiter le non-recours",
        PracticeTheme.Tooling => "Outillage et formation des acteurs",
        PracticeTheme.Governance => "Gouvernance et coordination des acteurs autour du parcours",
        _ => theme.ToString(),
    };

    public static string Label(this PracticeFormat format) => format switch
    {
        PracticeFormat.Detailed => "Fiche détaillée",
        PracticeFormat.Intermediate => "Fiche intermédiaire",
        PracticeFormat.Transverse => "Fiche transverse",
        _ => format.ToString(),
    };

    public static string Description(this PracticeFormat format) => format switch
    {
        PracticeFormat.Detailed => "Une présentation détaillée de la bonne pratique et de sa mise en œuvre : carte de visite, contexte, objectifs, bénéficiaires, moyens, planning, résultats, difficultés.",
        PracticeFormat.Intermediate => "Une présentation synthétique de l’initiative : carte de visite, contexte, objectifs, bénéficiaires, bénéfices et résultats.",
        PracticeFormat.Transverse => "Plusieurs initiatives locales sur une même question, chacune décrite en quelques lignes.",
        _ => "",
    };

    public static string Label(this PracticeStatus status) => status switch
    {
        PracticeStatus.Submitted => "En attente de relecture",
        PracticeStatus.Published => "Publiée",
        PracticeStatus.Rejected => "Refusée",
        PracticeStatus.Withdrawn => "Retirée",
        _ => status.ToString(),
    };

    private static readonly PracticeField[] Card =
    [
        new("offre", "Offre d’accueil", "Par exemple : taux de couverture, nombre de RPE, de places en crèche, d’assistants maternels.", Rows: 3),
        new("demographie", "Démographie", "Par exemple : nombre d’enfants de moins de 3 ans.", Rows: 2),
        new("contact", "Contact", "Nom, fonction et adresse de contact du porteur de projet.", Required: true, Rows: 2),
        new("lancement", "Date de lancement", "Par exemple : 2022.", Rows: 1),
        new("contexte", "Contexte", "", Required: true),
        new("objectifs", "Enjeux et objectifs", "", Required: true),
        new("beneficiaires", "Bénéficiaires", "", Rows: 2),
        new("details", "Détails", "Horaires, lieux, tarifs… ce qui aide à comprendre l’initiative.", Rows: 3),
    ];

    /// <summary>The fields of each format, after those of every fiche (title, theme, territory), in the vade-mecum's model order.</summary>
    public static IReadOnlyList<PracticeField> Fields(this PracticeFormat format) => format switch
    {
        PracticeFormat.Detailed =>
        [
            .. Card,
            new("planning", "Planning et principaux jalons", ""),
            new("moyens", "Moyens nécessaires", "Coût, équipes mobilisées, infrastructure et lieu d’accueil, outillage."),
            new("resultats", "Résultats et perspectives d’évolution", "Indicateurs, bénéfices, perspectives d’évolution.", Required: true),
            new("exergue", "Exergue", "Un témoignage, une phrase à mettre en avant.", Rows: 2),
            new("conseils", "Conseils « Pour que ça marche »", ""),
            new("difficultes", "Difficultés rencontrées", ""),
        ],
        PracticeFormat.Intermediate => [.. Card, new("resultats", "Bénéfices et résultats", "", Required: true)],
        _ =>
        [
            new("defis", "Défis auxquels sont confrontés les acteurs de la petite enfance", "Les questions que ces initiatives traitent.", Required: true),
            new("initiatives", "Initiatives", "Chaque initiative : un titre sur sa propre ligne, puis sa description (qui, où, quoi). Laissez une ligne vide entre deux initiatives.", Required: true, Rows: 12),
        ],
    };
}
