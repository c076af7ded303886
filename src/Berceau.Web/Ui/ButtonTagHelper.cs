using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Berceau.Web.Ui;

/// <summary>
/// GOV.UK button: <code>&lt;ui-button&gt;Envoyer la demande&lt;/ui-button&gt;</code>,
/// <code>&lt;ui-button secondary name="action" value="brouillon"&gt;Enregistrer&lt;/ui-button&gt;</code>,
/// <code>&lt;ui-button href="/simulateur" start&gt;Commencer&lt;/ui-button&gt;</code> (a link styled as a button).
/// Other attributes (name, value, formaction…) are copied onto the element.
/// </summary>
[HtmlTargetElement("ui-button")]
public sealed class ButtonTagHelper : TagHelper
{
    public bool Secondary { get; set; }

    /// <summary>For destructive actions (supprimer, refuser).</summary>
    public bool Warning { get; set; }

    /// <summary>The big call to action at the start of a journey.</summary>
    public bool Start { get; set; }

    /// <summary>Renders a link (&lt;a role="button"&gt;) instead of a &lt;button&gt;.</summary>
    public string? Href { get; set; }

    /// <summary>submit (default), button or reset.</summary>
    public string Type { get; set; } = "submit";

    /// <summary>Ignores a second click within a second (GOV.UK's behaviour); on by default for submit buttons.</summary>
    public bool? PreventDoubleClick { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        var element = Markup.Element(Href is null ? "button" : "a");
        Markup.CopyUnboundAttributes(output, element);
        element.AddCssClass("govuk-button");
        if (Secondary)
        {
            element.AddCssClass("govuk-button--secondary");
        }
        if (Warning)
        {
            element.AddCssClass("govuk-button--warning");
        }
        if (Start)
        {
            element.AddCssClass("govuk-button--start");
        }
        element.Attributes["data-module"] = "govuk-button";
        if (Href is null)
        {
            element.Attributes["type"] = Type;
            if (PreventDoubleClick ?? Type == "submit")
            {
                element.Attributes["data-prevent-double-click"] = "true";
            }
        }
        else
        {
            element.Attributes["href"] = Href;
            element.Attributes["role"] = "button";
            element.Attributes["draggable"] = "false";
        }
        element.InnerHtml.AppendHtml(content);
        if (Start)
        {
            element.InnerHtml.AppendHtml(StartIcon);
        }
        Markup.Replace(output, element);
    }

    private const string StartIcon =
        "<svg class=\"govuk-button__start-icon\" xmlns=\"http://www.w3.org/2000/svg\" width=\"17.5\" height=\"19\" viewBox=\"0 0 33 40\" aria-hidden=\"true\" focusable=\"false\">"
        + "<path fill=\"currentColor\" d=\"M0 0h13l20 20-20 20H0l20-20z\"/></svg>";
}
