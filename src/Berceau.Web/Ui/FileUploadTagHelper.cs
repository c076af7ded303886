using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Berceau.Web.Ui;

/// <summary>
/// A GOV.UK file upload with its label, hint and error message, for an <c>IFormFile</c> property:
/// <code>&lt;ui-file-upload asp-for="File" label="Fichier" hint="PDF, JPEG ou PNG, 5 Mo au plus." accept=".pdf,.jpg,.jpeg,.png" /&gt;</code>
/// The form needs <c>enctype="multipart/form-data"</c>. Other attributes (accept…) are copied onto the &lt;input&gt;.
/// </summary>
[HtmlTargetElement("ui-file-upload", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FileUploadTagHelper(IHtmlGenerator generator) : FieldTagHelper(generator)
{
    public string? Label { get; set; }

    public string? LabelClass { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var field = Field();
        var group = Markup.FormGroup(field.Error is not null);
        group.InnerHtml.AppendHtml(Markup.Label(DisplayName(Label), field.Id, LabelClass, isPageHeading: false));
        var describedBy = Markup.AppendHintAndError(group.InnerHtml, field, Hint);

        var input = Markup.Element("input");
        input.TagRenderMode = TagRenderMode.SelfClosing;
        Markup.CopyUnboundAttributes(output, input);
        input.AddCssClass("govuk-file-upload");
        if (field.Error is not null)
        {
            input.AddCssClass("govuk-file-upload--error");
        }
        input.Attributes["id"] = field.Id;
        input.Attributes["name"] = field.Name;
        input.Attributes["type"] = "file";
        Markup.SetAttribute(input, "aria-describedby", describedBy);
        group.InnerHtml.AppendHtml(input);
        Markup.Replace(output, group);
    }
}
