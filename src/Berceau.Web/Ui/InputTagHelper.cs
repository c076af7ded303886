using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Berceau.Web.Ui;

/// <summary>
/// A GOV.UK text input with its label, hint and error message:
/// <code>&lt;ui-input asp-for="Input.Email" label="Adresse e-mail" hint="…" type="email" autocomplete="email" class-width="20" /&gt;</code>
/// Other attributes (maxlength, spellcheck, pattern…) are copied onto the &lt;input&gt;.
/// </summary>
[HtmlTargetElement("ui-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class InputTagHelper(IHtmlGenerator generator) : FieldTagHelper(generator)
{
    public string? Label { get; set; }

    /// <summary>Extra label classes, e.g. <c>govuk-label--m</c>.</summary>
    public string? LabelClass { get; set; }

    /// <summary>The label is the page's h1 (one question per page).</summary>
    public bool PageHeading { get; set; }

    /// <summary>text (default), email, tel, password, search, url, date…</summary>
    public string Type { get; set; } = "text";

    /// <summary>numeric, decimal, email, tel… (prefer type="text" inputmode="numeric" to type="number").</summary>
    public string? Inputmode { get; set; }

    public string? Autocomplete { get; set; }

    /// <summary>Fixed widths 2, 3, 4, 5, 10, 20, 30 (characters) or fluid full, three-quarters, two-thirds, one-half, one-third, one-quarter.</summary>
    public string? ClassWidth { get; set; }

    /// <summary>Shown before the field (e.g. "€"), hidden from screen readers: say it in the label too.</summary>
    public string? Prefix { get; set; }

    /// <summary>Shown after the field (e.g. "€ par mois"), hidden from screen readers: say it in the label too.</summary>
    public string? Suffix { get; set; }

    /// <summary>Format of the model value (e.g. "0.00"); the text typed by the user is always shown back as typed.</summary>
    public string? Format { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var field = Field();
        var group = Markup.FormGroup(field.Error is not null);
        group.InnerHtml.AppendHtml(Markup.Label(DisplayName(Label), field.Id, LabelClass, PageHeading));
        var describedBy = Markup.AppendHintAndError(group.InnerHtml, field, Hint);

        var input = Markup.Element("input");
        input.TagRenderMode = TagRenderMode.SelfClosing;
        Markup.CopyUnboundAttributes(output, input);
        input.AddCssClass("govuk-input");
        if (WidthClass(ClassWidth) is { } width)
        {
            input.AddCssClass(width);
        }
        if (field.Error is not null)
        {
            input.AddCssClass("govuk-input--error");
        }
        input.Attributes["id"] = field.Id;
        input.Attributes["name"] = field.Name;
        input.Attributes["type"] = Type;
        if (Type != "password" && field.TextValue(Format) is { } value)
        {
            input.Attributes["value"] = value;
        }
        Markup.SetAttribute(input, "inputmode", Inputmode);
        Markup.SetAttribute(input, "autocomplete", Autocomplete);
        Markup.SetAttribute(input, "aria-describedby", describedBy);

        if (Prefix is null && Suffix is null)
        {
            group.InnerHtml.AppendHtml(input);
        }
        else
        {
            var wrapper = Markup.Element("div", "govuk-input__wrapper");
            if (Prefix is not null)
            {
                wrapper.InnerHtml.AppendHtml(Affix("govuk-input__prefix", Prefix));
            }
            wrapper.InnerHtml.AppendHtml(input);
            if (Suffix is not null)
            {
                wrapper.InnerHtml.AppendHtml(Affix("govuk-input__suffix", Suffix));
            }
            group.InnerHtml.AppendHtml(wrapper);
        }
        Markup.Replace(output, group);
    }

    internal static string? WidthClass(string? width) => width switch
    {
        null or "" => null,
        "2" or "3" or "4" or "5" or "10" or "20" or "30" => "govuk-input--width-" + width,
        "full" or "three-quarters" or "two-thirds" or "one-half" or "one-third" or "one-quarter" => "govuk-!-width-" + width,
        _ => throw new InvalidOperationException(
            $"ui-input class-width=\"{width}\" is not a GOV.UK width (2, 3, 4, 5, 10, 20, 30, full, three-quarters, two-thirds, one-half, one-third, one-quarter)."),
    };

    private static IHtmlContent Affix(string cssClass, string text)
    {
        var affix = Markup.Element("div", cssClass);
        affix.Attributes["aria-hidden"] = "true";
        affix.InnerHtml.Append(text);
        return affix;
    }
}
