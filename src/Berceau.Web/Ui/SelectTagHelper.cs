using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Berceau.Web.Ui;

/// <summary>
/// A GOV.UK select with its label, hint and error message:
/// <code>&lt;ui-select asp-for="Input.Commune" asp-items="Model.Communes" label="Commune" hint="…" placeholder="Choisir une commune" /&gt;</code>
/// </summary>
[HtmlTargetElement("ui-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SelectTagHelper(IHtmlGenerator generator) : FieldTagHelper(generator)
{
    [HtmlAttributeName("asp-items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    public string? Label { get; set; }

    public string? LabelClass { get; set; }

    public bool PageHeading { get; set; }

    /// <summary>Text of a first, empty option (value ""), e.g. "Choisir une commune".</summary>
    public string? Placeholder { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var field = Field();
        var group = Markup.FormGroup(field.Error is not null);
        group.InnerHtml.AppendHtml(Markup.Label(DisplayName(Label), field.Id, LabelClass, PageHeading));
        var describedBy = Markup.AppendHintAndError(group.InnerHtml, field, Hint);

        var select = Markup.Element("select");
        Markup.CopyUnboundAttributes(output, select);
        select.AddCssClass("govuk-select");
        if (field.Error is not null)
        {
            select.AddCssClass("govuk-select--error");
        }
        select.Attributes["id"] = field.Id;
        select.Attributes["name"] = field.Name;
        Markup.SetAttribute(select, "aria-describedby", describedBy);

        var selected = field.SelectedValues();
        if (Placeholder is not null)
        {
            select.InnerHtml.AppendHtml(Option("", Placeholder, selected.Count == 0, disabled: false));
        }
        // Items with a Group go in an <optgroup> of that name, in the order the groups first appear.
        TagBuilder? optgroup = null;
        foreach (var item in Items)
        {
            var value = item.Value ?? item.Text;
            var isSelected = selected.Count > 0 ? selected.Contains(value) : item.Selected;
            var option = Option(value, item.Text, isSelected, item.Disabled);
            if (item.Group is null)
            {
                optgroup = null;
                select.InnerHtml.AppendHtml(option);
                continue;
            }
            if (optgroup is null || optgroup.Attributes["label"] != item.Group.Name)
            {
                optgroup = new TagBuilder("optgroup");
                optgroup.Attributes["label"] = item.Group.Name;
                select.InnerHtml.AppendHtml(optgroup);
            }
            optgroup.InnerHtml.AppendHtml(option);
        }
        group.InnerHtml.AppendHtml(select);
        Markup.Replace(output, group);
    }

    private static TagBuilder Option(string value, string text, bool selected, bool disabled)
    {
        var option = new TagBuilder("option");
        option.Attributes["value"] = value;
        if (selected)
        {
            option.Attributes["selected"] = "selected";
        }
        if (disabled)
        {
            option.Attributes["disabled"] = "disabled";
        }
        option.InnerHtml.Append(text);
        return option;
    }
}
