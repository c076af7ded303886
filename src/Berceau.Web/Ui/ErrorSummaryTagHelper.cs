using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Berceau.Web.Ui;

/// <summary>
/// GOV.UK error summary, at the top of a form: "Il y a un problème" and one link per invalid field (to the field's id,
/// computed as ASP.NET Core does), in the order the properties are declared on the model (that is, the form's order when
/// the form follows the model). Errors not tied to a field (key "") come first, without link. Renders nothing when the
/// model state is valid. <code>&lt;ui-error-summary /&gt;</code>
/// </summary>
[HtmlTargetElement("ui-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper(IHtmlGenerator generator) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var modelState = ViewContext.ViewData.ModelState;
        if (modelState.IsValid)
        {
            output.SuppressOutput();
            return;
        }

        var list = Markup.Element("ul", "govuk-list govuk-error-summary__list");
        var root = ViewContext.ViewData.ModelMetadata;
        var invalid = modelState
            .Select(e => (e.Key, Error: e.Value is { ValidationState: ModelValidationState.Invalid, Errors: [var first, ..] } ? first : null))
            .Where(e => e.Error is not null)
            .Select((e, position) => (e.Key, e.Error, Order: DeclarationOrder(root, e.Key), Position: position))
            .OrderBy(e => e.Order, OrderComparer.Instance)
            .ThenBy(e => e.Position);
        foreach (var (key, error, _, _) in invalid)
        {
            var item = new TagBuilder("li");
            var message = FormField.MessageOf(error!);
            if (string.IsNullOrEmpty(key))
            {
                item.InnerHtml.Append(message);
            }
            else
            {
                var link = new TagBuilder("a");
                link.Attributes["href"] = "#" + FormField.IdFromName(key, generator.IdAttributeDotReplacement);
                link.InnerHtml.Append(message);
                item.InnerHtml.AppendHtml(link);
            }
            list.InnerHtml.AppendHtml(item);
        }

        var summary = Markup.Element("div", "govuk-error-summary");
        summary.Attributes["data-module"] = "govuk-error-summary";
        var alert = new TagBuilder("div");
        alert.Attributes["role"] = "alert";
        var title = Markup.Element("h2", "govuk-error-summary__title");
        title.InnerHtml.Append(UiText.ErrorSummaryTitle);
        var body = Markup.Element("div", "govuk-error-summary__body");
        body.InnerHtml.AppendHtml(list);
        alert.InnerHtml.AppendHtml(title).AppendHtml(body);
        summary.InnerHtml.AppendHtml(alert);
        Markup.Replace(output, summary);
    }

    /// <summary>"Input.Children[1].Name" → the declaration index of each segment (unknown names sort last).</summary>
    private static List<int> DeclarationOrder(ModelMetadata? metadata, string key)
    {
        var order = new List<int>();
        if (string.IsNullOrEmpty(key))
        {
            return order;
        }
        foreach (var part in key.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? part : part[..bracket];
            var index = -1;
            if (metadata is not null)
            {
                var i = 0;
                foreach (var property in metadata.Properties)
                {
                    if (string.Equals(property.PropertyName, name, StringComparison.Ordinal))
                    {
                        index = i;
                        metadata = property.ElementMetadata ?? property;
                        break;
                    }
                    i++;
                }
            }
            if (index < 0)
            {
                metadata = null;
            }
            order.Add(index < 0 ? int.MaxValue : index);
            if (bracket >= 0 && int.TryParse(part.AsSpan(bracket + 1).TrimEnd(']'), out var item))
            {
                order.Add(item);
            }
        }
        return order;
    }

    private sealed class OrderComparer : IComparer<List<int>>
    {
        public static readonly OrderComparer Instance = new();

        public int Compare(List<int>? x, List<int>? y)
        {
            x ??= [];
            y ??= [];
            for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
            {
                var c = x[i].CompareTo(y[i]);
                if (c != 0)
                {
                    return c;
                }
            }
            return x.Count.CompareTo(y.Count);
        }
    }
}
