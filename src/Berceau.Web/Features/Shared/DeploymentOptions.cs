using System.Text.RegularExpressions;

namespace Berceau.Web.Features.Shared;

/// <summary>
/// Identity of one deployment (configuration section <c>Deployment</c>): every collectivité shows its own name, logo and
/// colour, and names its own publisher and contacts on the legal pages.
/// </summary>
public sealed partial class DeploymentOptions
{
    /// <summary>Shown in the header and at the end of every page title.</summary>
    public string Name { get; set; } = "Berceau — Seine-Saint-Denis";

    /// <summary>URL of the logo shown in the header (drawn for a dark background of <see cref="BrandColour"/>).</summary>
    public string LogoPath { get; set; } = "/img/logo.svg";

    /// <summary>
    /// Brand colour (#rgb or #rrggbb), for the header and links. Must give at least 4.5:1 contrast with white.
    /// Anything else is ignored and the default teal is kept.
    /// </summary>
    public string BrandColour { get; set; } = DefaultBrandColour;

    /// <summary>The colour compiled into the stylesheet (Styles/_theme.scss).</summary>
    public const string DefaultBrandColour = "#00605f";

    /// <summary>Text of the phase banner; empty hides the banner.</summary>
    public string PhaseBanner { get; set; } = "Service en cours de construction — données de démonstration";

    /// <summary>
    /// Address of the service as users reach it (e.g. https://creches.seinesaintdenis.fr), for links in e-mails. Set it in
    /// production; when empty, links use the address of the request that queued the e-mail.
    /// </summary>
    public string PublicUrl { get; set; } = "";

    /// <summary>Legal publisher of the service (éditeur), named on the legal pages.</summary>
    public string Publisher { get; set; } = "Département de la Seine-Saint-Denis";

    public string PublisherAddress { get; set; } = "Hôtel du Département, 93006 Bobigny Cedex";

    /// <summary>Person legally responsible for the publication (directeur ou directrice de la publication).</summary>
    public string PublicationDirector { get; set; } = "le président du Conseil départemental";

    /// <summary>Hosting provider (hébergeur) with its address.</summary>
    public string Host { get; set; } = "à compléter par la collectivité qui déploie le service";

    /// <summary>Where users write about the service and report an accessibility problem.</summary>
    public string ContactEmail { get; set; } = "contact@berceau.example";

    /// <summary>The data protection officer (délégué·e à la protection des données) of the publisher.</summary>
    public string DpoEmail { get; set; } = "dpo@berceau.example";

    /// <summary>Address of the DPO for letters.</summary>
    public string DpoAddress { get; set; } = "Délégué à la protection des données, Hôtel du Département, 93006 Bobigny Cedex";

    /// <summary>The brand colour if it is a plain hex colour, else null (it goes into a style attribute).</summary>
    public string? SafeBrandColour => HexColour().IsMatch(BrandColour ?? "") ? BrandColour : null;

    [GeneratedRegex("^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")]
    private static partial Regex HexColour();
}
