using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Berceau.Web.Ui;

/// <summary>
/// GOV.UK tag for a status: <code>&lt;ui-tag colour="green"&gt;Places disponibles&lt;/ui-tag&gt;</code>.
/// Colours: grey, green, teal, turquoise, blue (default), purple, magenta, pink, red, orange, yellow, and
/// <c>demo</c> for "données de démonstration". Never let colour alone carry the meaning: the text must say it.
/// </summary>
[HtmlTargetElement("ui-tag")]
public sealed class TagTagHelper : TagHelper
{
    public string? Colour { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "strong";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.AddClass("govuk-tag", HtmlEncoder.Default);
        if (ColourClass(Colour) is { } colourClass)
        {
            output.AddClass(colourClass, HtmlEncoder.Default);
        }
    }

    internal static string? ColourClass(string? colour) => colour switch
    {
        null or "" or "blue" => null,
        "demo" => "berceau-tag--demo",
        "grey" or "green" or "teal" or "turquoise" or "purple" or "magenta" or "pink" or "red" or "orange" or "yellow" => "govuk-tag--" + colour,
        _ => throw new InvalidOperationException(
            $"ui-tag colour=\"{colour}\" is unknown (grey, green, teal, turquoise, blue, purple, magenta, pink, red, orange, yellow, demo)."),
    };
}
