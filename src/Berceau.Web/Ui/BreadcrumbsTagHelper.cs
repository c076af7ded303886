using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Berceau.Web.Ui;

/// <summary>
/// GOV.UK breadcrumbs. The layout renders <c>&lt;ui-breadcrumbs /&gt;</c>, which reads <c>ViewData["Breadcrumbs"]</c>
/// (an <c>IEnumerable&lt;Breadcrumb&gt;</c>) unless <c>items</c> is given. Nothing is rendered without items.
/// A page sets them with <c>ViewData["Breadcrumbs"] = new Breadcrumb[] { new("Accueil", "/"), new("Ma demande") };</c>
/// </summary>
[HtmlTargetElement("ui-breadcrumbs", TagStructure = TagStructure.WithoutEndTag)]
public sealed class BreadcrumbsTagHelper : TagHelper
{
    public const string ViewDataKey = "Breadcrumbs";

    public IEnumerable<Breadcrumb>? Items { get; set; }

    /// <summary>On small screens, show only the first and last items.</summary>
    public bool CollapseOnMobile { get; set; } = true;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var items = (Items ?? ViewContext.ViewData[ViewDataKey] as IEnumerable<Breadcrumb>)?.ToList();
        if (items is null || items.Count == 0)
        {
            output.SuppressOutput();
            return;
        }
        var nav = Markup.Element("nav", "govuk-breadcrumbs");
        if (CollapseOnMobile)
        {
            nav.AddCssClass("govuk-breadcrumbs--collapse-on-mobile");
        }
        nav.Attributes["aria-label"] = UiText.BreadcrumbsLabel;
        var list = Markup.Element("ol", "govuk-breadcrumbs__list");
        foreach (var crumb in items)
        {
            var item = Markup.Element("li", "govuk-breadcrumbs__list-item");
            if (crumb.Href is null)
            {
                item.Attributes["aria-current"] = "page";
                item.InnerHtml.Append(crumb.Text);
            }
            else
            {
                var link = Markup.Element("a", "govuk-breadcrumbs__link");
                link.Attributes["href"] = crumb.Href;
                link.InnerHtml.Append(crumb.Text);
                item.InnerHtml.AppendHtml(link);
            }
            list.InnerHtml.AppendHtml(item);
        }
        nav.InnerHtml.AppendHtml(list);
        Markup.Replace(output, nav);
    }
}
