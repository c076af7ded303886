namespace Berceau.Web.Ui;

/// <summary>
/// One step of the breadcrumbs shown above a page's content. The layout renders
/// <c>ViewData["Breadcrumbs"]</c> (an <see cref="IEnumerable{Breadcrumb}"/>); the current page has no <paramref name="Href"/>.
/// </summary>
public sealed record Breadcrumb(string Text, string? Href = null);
