namespace Berceau.Web.Features.Applications.Family;

/// <summary>What the shared application form (_ApplicationForm) needs from its page: new application or draft.</summary>
public interface IApplicationFormPage
{
    ApplicationInput Input { get; }
    ApplicationFormOptions Options { get; }
    /// <summary>Where "choose another commune" leads; null when the commune can no longer change (an existing draft).</summary>
    string? ChangeCommuneHref { get; }
}
