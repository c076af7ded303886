using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Berceau.Web.Ui;

/// <summary>Small builders for the markup shared by the form components.</summary>
internal static class Markup
{
    public static TagBuilder Element(string tag, string? cssClass = null)
    {
        var element = new TagBuilder(tag);
        if (!string.IsNullOrEmpty(cssClass))
        {
            element.AddCssClass(cssClass);
        }
        return element;
    }

    public static TagBuilder FormGroup(bool hasError)
    {
        var group = Element("div", "govuk-form-group");
        if (hasError)
        {
            group.AddCssClass("govuk-form-group--error");
        }
        return group;
    }

    /// <summary>A label; when <paramref name="isPageHeading"/> the label is the page's h1, as on GOV.UK question pages.</summary>
    public static IHtmlContent Label(string text, string forId, string? cssClass, bool isPageHeading)
    {
        var label = Element("label", "govuk-label");
        if (!string.IsNullOrEmpty(cssClass))
        {
            label.AddCssClass(cssClass);
        }
        else if (isPageHeading)
        {
            label.AddCssClass("govuk-label--l");
        }
        label.Attributes["for"] = forId;
        label.InnerHtml.Append(text);
        if (!isPageHeading)
        {
            return label;
        }
        var heading = Element("h1", "govuk-label-wrapper");
        heading.InnerHtml.AppendHtml(label);
        return heading;
    }

    public static IHtmlContent Hint(string id, string text, string cssClass = "govuk-hint")
    {
        var hint = Element("div", cssClass);
        hint.Attributes["id"] = id;
        hint.InnerHtml.Append(text);
        return hint;
    }

    public static IHtmlContent ErrorMessage(string id, string message)
    {
        var error = Element("p", "govuk-error-message");
        error.Attributes["id"] = id;
        var prefix = Element("span", "govuk-visually-hidden");
        prefix.InnerHtml.Append(UiText.ErrorPrefix);
        error.InnerHtml.AppendHtml(prefix).Append(" ").Append(message);
        return error;
    }

    /// <summary>Hint then error message, returning the ids to put in aria-describedby.</summary>
    public static string? AppendHintAndError(IHtmlContentBuilder into, FormField field, string? hint)
    {
        var describedBy = new List<string>(2);
        if (!string.IsNullOrEmpty(hint))
        {
            into.AppendHtml(Hint(field.HintId, hint));
            describedBy.Add(field.HintId);
        }
        if (field.Error is { } error)
        {
            into.AppendHtml(ErrorMessage(field.ErrorId, error));
            describedBy.Add(field.ErrorId);
        }
        return describedBy.Count == 0 ? null : string.Join(' ', describedBy);
    }

    /// <summary>A fieldset with its legend (an h1 when <paramref name="isPageHeading"/>).</summary>
    public static TagBuilder Fieldset(string legend, string? legendClass, bool isPageHeading, string? describedBy)
    {
        var fieldset = Element("fieldset", "govuk-fieldset");
        if (describedBy is not null)
        {
            fieldset.Attributes["aria-describedby"] = describedBy;
        }
        var legendElement = Element("legend", "govuk-fieldset__legend");
        var size = legendClass ?? (isPageHeading ? "govuk-fieldset__legend--l" : "govuk-fieldset__legend--m");
        legendElement.AddCssClass(size);
        if (isPageHeading)
        {
            var heading = Element("h1", "govuk-fieldset__heading");
            heading.InnerHtml.Append(legend);
            legendElement.InnerHtml.AppendHtml(heading);
        }
        else
        {
            legendElement.InnerHtml.Append(legend);
        }
        fieldset.InnerHtml.AppendHtml(legendElement);
        return fieldset;
    }

    /// <summary>Copies the attributes written on the tag helper element that it does not bind (maxlength, spellcheck, data-*…).</summary>
    public static void CopyUnboundAttributes(TagHelperOutput output, TagBuilder target)
    {
        foreach (var attribute in output.Attributes)
        {
            if (attribute.ValueStyle == HtmlAttributeValueStyle.Minimized)
            {
                target.Attributes[attribute.Name] = attribute.Name;
                continue;
            }
            target.Attributes[attribute.Name] = attribute.Value switch
            {
                null => "",
                IHtmlContent html => ToText(html),
                var other => other.ToString(),
            };
        }
    }

    private static string ToText(IHtmlContent html)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        html.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return System.Net.WebUtility.HtmlDecode(writer.ToString());
    }

    public static void SetAttribute(TagBuilder element, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            element.Attributes[name] = value;
        }
    }

    /// <summary>Replaces the tag helper element by <paramref name="content"/>.</summary>
    public static void Replace(TagHelperOutput output, IHtmlContent content)
    {
        output.TagName = null;
        output.Attributes.Clear();
        output.Content.SetHtmlContent(content);
    }
}
