using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Berceau.Web.Ui;

/// <summary>What every form component shares: the bound property (<c>asp-for</c>), a hint and the view context.</summary>
public abstract class FieldTagHelper(IHtmlGenerator generator) : TagHelper
{
    /// <summary>The property edited, as in <c>asp-for="Input.Email"</c>.</summary>
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    /// <summary>Help text under the label or legend.</summary>
    public string? Hint { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    private protected FormField Field() => FormField.For(ViewContext, For, generator.IdAttributeDotReplacement);

    private protected string DisplayName(string? explicitText) =>
        explicitText ?? For.Metadata.DisplayName ?? For.Metadata.PropertyName ?? For.Name;
}
