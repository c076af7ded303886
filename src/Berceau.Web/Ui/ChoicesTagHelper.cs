using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Berceau.Web.Ui;

/// <summary>Radios and checkboxes: a fieldset with a legend, a hint, an error message and one input per item.</summary>
public abstract class ChoicesTagHelper(IHtmlGenerator generator) : FieldTagHelper(generator)
{
    [HtmlAttributeName("asp-items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>The question. Defaults to the property's display name.</summary>
    public string? Legend { get; set; }

    /// <summary>Legend size class, e.g. <c>govuk-fieldset__legend--s</c> (default --m, or --l when page-heading).</summary>
    public string? LegendClass { get; set; }

    /// <summary>The legend is the page's h1 (one question per page).</summary>
    public bool PageHeading { get; set; }

    /// <summary>Smaller inputs, for filters beside a results list.</summary>
    public bool Small { get; set; }

    private protected abstract string Block { get; }

    private protected abstract string InputType { get; }

    private protected abstract string ModuleName { get; }

    private protected static TagBuilder Item(string block, string type, string id, string name, string value, string text, bool isChecked, bool disabled, string? describedBy)
    {
        var item = Markup.Element("div", block + "__item");
        var input = Markup.Element("input", block + "__input");
        input.TagRenderMode = TagRenderMode.SelfClosing;
        input.Attributes["id"] = id;
        input.Attributes["name"] = name;
        input.Attributes["type"] = type;
        input.Attributes["value"] = value;
        if (isChecked)
        {
            input.Attributes["checked"] = "checked";
        }
        if (disabled)
        {
            input.Attributes["disabled"] = "disabled";
        }
        Markup.SetAttribute(input, "aria-describedby", describedBy);
        var label = Markup.Element("label", "govuk-label " + block + "__label");
        label.Attributes["for"] = id;
        label.InnerHtml.Append(text);
        item.InnerHtml.AppendHtml(input).AppendHtml(label);
        return item;
    }

    /// <summary>Renders the group; <paramref name="withFieldset"/> is false only for a lone checkbox without legend.</summary>
    private protected IHtmlContent Render(FormField field, IEnumerable<(string Value, string Text, bool Checked, bool Disabled)> items,
        bool withFieldset, string? extraClass, IHtmlContent? after)
    {
        var group = Markup.FormGroup(field.Error is not null);
        var inner = new HtmlContentBuilder();
        var describedBy = Markup.AppendHintAndError(inner, field, Hint);

        var list = Markup.Element("div", Block);
        if (Small)
        {
            list.AddCssClass(Block + "--small");
        }
        if (extraClass is not null)
        {
            list.AddCssClass(extraClass);
        }
        list.Attributes["data-module"] = ModuleName;
        var index = 0;
        foreach (var (value, text, isChecked, disabled) in items)
        {
            index++;
            // The first input takes the field's id, so that the error summary's link lands on it.
            var id = index == 1 ? field.Id : $"{field.Id}-{index}";
            list.InnerHtml.AppendHtml(Item(Block, InputType, id, field.Name, value, text, isChecked, disabled,
                withFieldset ? null : describedBy));
        }
        inner.AppendHtml(list);
        if (after is not null)
        {
            inner.AppendHtml(after);
        }

        if (withFieldset)
        {
            var fieldset = Markup.Fieldset(DisplayName(Legend), LegendClass, PageHeading, describedBy);
            fieldset.InnerHtml.AppendHtml(inner);
            group.InnerHtml.AppendHtml(fieldset);
        }
        else
        {
            group.InnerHtml.AppendHtml(inner);
        }
        return group;
    }

    private protected IEnumerable<(string Value, string Text, bool Checked, bool Disabled)> ItemsFor(FormField field)
    {
        var selected = field.SelectedValues();
        foreach (var item in Items)
        {
            var value = item.Value ?? item.Text;
            yield return (value, item.Text, selected.Count > 0 ? selected.Contains(value) : item.Selected, item.Disabled);
        }
    }
}

/// <summary>
/// GOV.UK radios:
/// <code>&lt;ui-radios asp-for="Input.Mode" asp-items="Model.Modes" legend="Quel mode d’accueil ?" hint="…" inline /&gt;</code>
/// For a yes/no question bound to a bool, give items with values "true" and "false".
/// </summary>
[HtmlTargetElement("ui-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class RadiosTagHelper(IHtmlGenerator generator) : ChoicesTagHelper(generator)
{
    /// <summary>Items side by side (two short options such as Oui / Non).</summary>
    public bool Inline { get; set; }

    private protected override string Block => "govuk-radios";

    private protected override string InputType => "radio";

    private protected override string ModuleName => "govuk-radios";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var field = Field();
        Markup.Replace(output, Render(field, ItemsFor(field), withFieldset: true, Inline ? "govuk-radios--inline" : null, after: null));
    }
}

/// <summary>
/// GOV.UK checkboxes, for a multi-value property (<c>IEnumerable&lt;T&gt;</c>) with <c>asp-items</c>:
/// <code>&lt;ui-checkboxes asp-for="Filter.Modes" asp-items="Model.Modes" legend="Modes d’accueil" hint="Cochez tout ce qui convient." /&gt;</code>
/// or for a bool, as a single checkbox whose text is <c>label</c> (a legend is then optional):
/// <code>&lt;ui-checkboxes asp-for="Input.Consent" label="J’accepte que mes données soient transmises à la commune" /&gt;</code>
/// </summary>
[HtmlTargetElement("ui-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class CheckboxesTagHelper(IHtmlGenerator generator) : ChoicesTagHelper(generator)
{
    /// <summary>Text of the single checkbox when the property is a bool.</summary>
    public string? Label { get; set; }

    private protected override string Block => "govuk-checkboxes";

    private protected override string InputType => "checkbox";

    private protected override string ModuleName => "govuk-checkboxes";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var field = Field();
        var type = For.Metadata.UnderlyingOrModelType;
        if (type != typeof(bool))
        {
            Markup.Replace(output, Render(field, ItemsFor(field), withFieldset: true, extraClass: null, after: null));
            return;
        }

        var isChecked = field.SelectedValues().Contains("true");
        // An unticked checkbox posts nothing: the hidden "false" makes the binder see an explicit answer.
        var hidden = Markup.Element("input");
        hidden.TagRenderMode = TagRenderMode.SelfClosing;
        hidden.Attributes["type"] = "hidden";
        hidden.Attributes["name"] = field.Name;
        hidden.Attributes["value"] = "false";
        var item = (Value: "true", Text: DisplayName(Label), Checked: isChecked, Disabled: false);
        Markup.Replace(output, Render(field, [item], withFieldset: Legend is not null, extraClass: null, after: hidden));
    }
}
