using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Berceau.Web.Ui;

/// <summary>
/// GOV.UK pagination for a results list:
/// <code>&lt;ui-pagination current-page="Model.Page" total-pages="Model.TotalPages" href-template="@Url.Page("/Offer/Index", new { q = Model.Q, p = "{page}" })" /&gt;</code>
/// <c>{page}</c> (or its URL-encoded form) in the template is replaced by each page number. Renders nothing for a single page.
/// Do not call the query parameter <c>page</c>: Razor Pages reserves that route value for the page's own name.
/// </summary>
[HtmlTargetElement("ui-pagination", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PaginationTagHelper : TagHelper
{
    public int CurrentPage { get; set; } = 1;

    public int TotalPages { get; set; }

    public string HrefTemplate { get; set; } = "?p={page}";

    /// <summary>Name of the navigation landmark, "Pagination des résultats" by default.</summary>
    public string Label { get; set; } = UiText.PaginationLabel;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (TotalPages <= 1)
        {
            output.SuppressOutput();
            return;
        }
        var current = Math.Clamp(CurrentPage, 1, TotalPages);

        var nav = Markup.Element("nav", "govuk-pagination");
        nav.Attributes["aria-label"] = Label;
        if (current > 1)
        {
            nav.InnerHtml.AppendHtml(Arrow("prev", UiText.Previous, current - 1));
        }
        var list = Markup.Element("ul", "govuk-pagination__list");
        int? previous = null;
        foreach (var page in PagesToShow(current, TotalPages))
        {
            if (previous is { } p && page > p + 1)
            {
                var ellipsis = Markup.Element("li", "govuk-pagination__item govuk-pagination__item--ellipsis");
                ellipsis.InnerHtml.AppendHtml("&ctdot;");
                list.InnerHtml.AppendHtml(ellipsis);
            }
            list.InnerHtml.AppendHtml(PageItem(page, page == current));
            previous = page;
        }
        nav.InnerHtml.AppendHtml(list);
        if (current < TotalPages)
        {
            nav.InnerHtml.AppendHtml(Arrow("next", UiText.Next, current + 1));
        }
        Markup.Replace(output, nav);
    }

    /// <summary>First, last, current and its neighbours; gaps become ellipses.</summary>
    internal static IEnumerable<int> PagesToShow(int current, int total) =>
        new SortedSet<int> { 1, current - 1, current, current + 1, total }.Where(p => p >= 1 && p <= total);

    internal string Href(int page)
    {
        var number = page.ToString(CultureInfo.InvariantCulture);
        return HrefTemplate
            .Replace("{page}", number, StringComparison.Ordinal)
            .Replace("%7Bpage%7D", number, StringComparison.OrdinalIgnoreCase);
    }

    private TagBuilder PageItem(int page, bool isCurrent)
    {
        var item = Markup.Element("li", "govuk-pagination__item");
        var link = Markup.Element("a", "govuk-link govuk-pagination__link");
        link.Attributes["href"] = Href(page);
        link.Attributes["aria-label"] = UiText.Page(page);
        if (isCurrent)
        {
            item.AddCssClass("govuk-pagination__item--current");
            link.Attributes["aria-current"] = "page";
        }
        link.InnerHtml.Append(page.ToString(CultureInfo.CurrentCulture));
        item.InnerHtml.AppendHtml(link);
        return item;
    }

    private TagBuilder Arrow(string direction, string text, int page)
    {
        var wrapper = Markup.Element("div", "govuk-pagination__" + direction);
        var link = Markup.Element("a", "govuk-link govuk-pagination__link");
        link.Attributes["href"] = Href(page);
        link.Attributes["rel"] = direction;
        var title = Markup.Element("span", "govuk-pagination__link-title");
        var hidden = Markup.Element("span", "govuk-visually-hidden");
        hidden.InnerHtml.Append(" : " + UiText.Page(page).ToLowerInvariant());
        title.InnerHtml.Append(text).AppendHtml(hidden);
        if (direction == "prev")
        {
            link.InnerHtml.AppendHtml(PreviousIcon).AppendHtml(title);
        }
        else
        {
            link.InnerHtml.AppendHtml(title).AppendHtml(NextIcon);
        }
        wrapper.InnerHtml.AppendHtml(link);
        return wrapper;
    }

    private const string PreviousIcon =
        "<svg class=\"govuk-pagination__icon govuk-pagination__icon--prev\" xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\">"
        + "<path d=\"m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z\"></path></svg>";

    private const string NextIcon =
        "<svg class=\"govuk-pagination__icon govuk-pagination__icon--next\" xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\">"
        + "<path d=\"m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z\"></path></svg>";
}
