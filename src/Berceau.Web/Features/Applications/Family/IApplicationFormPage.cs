namespace Berceau.Web.Features.Applications.Family;

/// <summary>
/// What the shared application form (Features/Applications/_ApplicationForm) needs from its page: the family's new
/// application or draft, or the agent's counter application.
/// </summary>
public interface IApplicationFormPage
{
    ApplicationInput Input { get; }
    ApplicationFormOptions Options { get; }
    /// <summary>Where "choose another commune" leads; null when the commune can no longer change (an existing draft).</summary>
    string? ChangeCommuneHref { get; }
    /// <summary>A family may keep a draft; at the counter the application is submitted at once (the guichet sees no drafts).</summary>
    bool OffersDraft => true;
    string SubmitLabel => "Déposer ma demande";
}

/// <summary>What <c>_CommuneChoice</c> asks: the question and its hint (the family's or the agent's), the communes offered.</summary>
public sealed record CommuneChoice(string? Commune, IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Communes, string Question, string Hint);
