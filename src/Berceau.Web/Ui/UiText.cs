namespace Berceau.Web.Ui;

/// <summary>The French texts written by the component tag helpers, in one place.</summary>
public static class UiText
{
    public const string ErrorPrefix = "Erreur\u00a0:";
    public const string ErrorSummaryTitle = "Il y a un problème";
    public const string InvalidValue = "La valeur saisie n’est pas valide.";
    public const string Change = "Modifier";
    public const string Previous = "Précédent";
    public const string Next = "Suivant";
    public const string PaginationLabel = "Pagination des résultats";
    public const string BreadcrumbsLabel = "Fil d’Ariane";
    public const string NotificationImportant = "Important";
    public const string NotificationSuccess = "Succès";

    public static string Page(int number) => $"Page {number}";
}
