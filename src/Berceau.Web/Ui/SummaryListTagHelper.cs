using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Berceau.Web.Ui;

/// <summary>
/// GOV.UK summary list (key / value pairs, e.g. "Vérifiez votre demande"):
/// <code>
/// &lt;ui-summary-list&gt;
///   &lt;ui-summary-row key="Nom de l’enfant" change-href="/demande/enfant"&gt;@Model.ChildName&lt;/ui-summary-row&gt;
///   &lt;ui-summary-row key="Date de naissance"&gt;@Model.BirthDate&lt;/ui-summary-row&gt;
/// &lt;/ui-summary-list&gt;
/// </code>
/// </summary>
[HtmlTargetElement("ui-summary-list")]
[RestrictChildren("ui-summary-row")]
public sealed class SummaryListTagHelper : TagHelper
{
    /// <summary>Without the row separators (inside a card or a short list).</summary>
    public bool NoBorder { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var rows = new List<SummaryRow>();
        context.Items[typeof(SummaryListTagHelper)] = rows;
        await output.GetChildContentAsync();

        var list = Markup.Element("dl");
        Markup.CopyUnboundAttributes(output, list);
        list.AddCssClass("govuk-summary-list");
        if (NoBorder)
        {
            list.AddCssClass("govuk-summary-list--no-border");
        }
        var anyAction = rows.Exists(r => r.ChangeHref is not null);
        foreach (var row in rows)
        {
            list.InnerHtml.AppendHtml(Row(row, anyAction));
        }
        Markup.Replace(output, list);
    }

    private static TagBuilder Row(SummaryRow row, bool anyAction)
    {
        var element = Markup.Element("div", "govuk-summary-list__row");
        // When some rows have a "Modifier" link, the others keep the column empty.
        if (anyAction && row.ChangeHref is null)
        {
            element.AddCssClass("govuk-summary-list__row--no-actions");
        }
        var key = Markup.Element("dt", "govuk-summary-list__key");
        key.InnerHtml.Append(row.Key);
        var value = Markup.Element("dd", "govuk-summary-list__value");
        value.InnerHtml.AppendHtml(row.Value);
        element.InnerHtml.AppendHtml(key).AppendHtml(value);
        if (row.ChangeHref is not null)
        {
            var actions = Markup.Element("dd", "govuk-summary-list__actions");
            var link = Markup.Element("a", "govuk-link");
            link.Attributes["href"] = row.ChangeHref;
            var hidden = Markup.Element("span", "govuk-visually-hidden");
            hidden.InnerHtml.Append(" " + row.Key);
            link.InnerHtml.Append(row.ChangeText).AppendHtml(hidden);
            actions.InnerHtml.AppendHtml(link);
            element.InnerHtml.AppendHtml(actions);
        }
        return element;
    }
}

/// <summary>One row of a <c>ui-summary-list</c>: <c>key</c>, the value as content, an optional <c>change-href</c> (link "Modifier").</summary>
[HtmlTargetElement("ui-summary-row", ParentTag = "ui-summary-list")]
public sealed class SummaryRowTagHelper : TagHelper
{
    public string Key { get; set; } = "";

    public string? ChangeHref { get; set; }

    /// <summary>Visible text of the link, "Modifier" by default; the key is appended for screen readers.</summary>
    public string ChangeText { get; set; } = UiText.Change;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        if (context.Items.TryGetValue(typeof(SummaryListTagHelper), out var rows) && rows is List<SummaryRow> list)
        {
            list.Add(new SummaryRow(Key, content, ChangeHref, ChangeText));
        }
        output.SuppressOutput();
    }
}

internal sealed record SummaryRow(string Key, IHtmlContent Value, string? ChangeHref, string ChangeText);
