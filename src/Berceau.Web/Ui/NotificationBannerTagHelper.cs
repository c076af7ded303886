using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Berceau.Web.Ui;

/// <summary>
/// GOV.UK notification banner: <code>&lt;ui-notification-banner success&gt;&lt;p class="govuk-notification-banner__heading"&gt;Demande enregistrée&lt;/p&gt;&lt;/ui-notification-banner&gt;</code>
/// Title "Important" (or "Succès" with <c>success</c>, which also makes it an alert that takes focus).
/// </summary>
[HtmlTargetElement("ui-notification-banner")]
public sealed class NotificationBannerTagHelper : TagHelper
{
    public bool Success { get; set; }

    public string? Title { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        var titleId = "banniere-" + context.UniqueId;
        var banner = Markup.Element("div", "govuk-notification-banner");
        if (Success)
        {
            banner.AddCssClass("govuk-notification-banner--success");
        }
        banner.Attributes["role"] = Success ? "alert" : "region";
        banner.Attributes["aria-labelledby"] = titleId;
        banner.Attributes["data-module"] = "govuk-notification-banner";
        var header = Markup.Element("div", "govuk-notification-banner__header");
        var title = Markup.Element("h2", "govuk-notification-banner__title");
        title.Attributes["id"] = titleId;
        title.InnerHtml.Append(Title ?? (Success ? UiText.NotificationSuccess : UiText.NotificationImportant));
        header.InnerHtml.AppendHtml(title);
        var body = Markup.Element("div", "govuk-notification-banner__content");
        body.InnerHtml.AppendHtml(content);
        banner.InnerHtml.AppendHtml(header).AppendHtml(body);
        Markup.Replace(output, banner);
    }
}
