namespace Berceau.Web.Features.Decisions;

/// <summary>The audit vocabulary of publication and offers; sessions are named by their id, offers by theirs.</summary>
public static class DecisionAudit
{
    public const string SessionType = "CommissionSession";
    public const string OfferType = "PlaceOffer";
    public const string Published = "publication des décisions";
    public const string ModeChanged = "mode de réattribution changé";
    public const string Offered = "proposition de place";
    public const string Reattributed = "réattribution d’une place libérée";
    public const string Accepted = "proposition acceptée";
    public const string Refused = "proposition refusée";
    public const string Expired = "proposition expirée";
    public const string Withdrawn = "proposition retirée";
    /// <summary>An accepted place given up for a seat at a better wish the family accepted.</summary>
    public const string Replaced = "place acceptée remplacée par un meilleur vœu";
    public const string LetterType = "DecisionLetter";
    /// <summary>The author of the job's changes in the history and the audit.</summary>
    public const string JobActor = "réattribution automatique";
}
