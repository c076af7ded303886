using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Berceau.Web.Ui;

/// <summary>
/// A GOV.UK textarea with its label, hint and error message:
/// <code>&lt;ui-textarea asp-for="Input.Reason" label="Motif" hint="…" rows="5" /&gt;</code>
/// </summary>
[HtmlTargetElement("ui-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class TextareaTagHelper(IHtmlGenerator generator) : FieldTagHelper(generator)
{
    public string? Label { get; set; }

    public string? LabelClass { get; set; }

    public bool PageHeading { get; set; }

    public int Rows { get; set; } = 5;

    public string? Autocomplete { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var field = Field();
        var group = Markup.FormGroup(field.Error is not null);
        group.InnerHtml.AppendHtml(Markup.Label(DisplayName(Label), field.Id, LabelClass, PageHeading));
        var describedBy = Markup.AppendHintAndError(group.InnerHtml, field, Hint);

        var textarea = Markup.Element("textarea");
        Markup.CopyUnboundAttributes(output, textarea);
        textarea.AddCssClass("govuk-textarea");
        if (field.Error is not null)
        {
            textarea.AddCssClass("govuk-textarea--error");
        }
        textarea.Attributes["id"] = field.Id;
        textarea.Attributes["name"] = field.Name;
        textarea.Attributes["rows"] = Rows.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Markup.SetAttribute(textarea, "autocomplete", Autocomplete);
        Markup.SetAttribute(textarea, "aria-describedby", describedBy);
        // A leading newline would be swallowed by the HTML parser: keep what the user typed intact.
        textarea.InnerHtml.AppendHtml(Environment.NewLine).Append(field.TextValue(null) ?? "");
        group.InnerHtml.AppendHtml(textarea);
        Markup.Replace(output, group);
    }
}
