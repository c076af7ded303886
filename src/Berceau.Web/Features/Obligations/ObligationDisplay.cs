using Berceau.Domain.Obligations;

namespace Berceau.Web.Features.Obligations;

public static class ObligationDisplay
{
    /// <summary>The tag's colour; the tag's text always says the status too.</summary>
    public static string Colour(ObligationStatus status) => status switch
    {
        ObligationStatus.Met => "green",
        ObligationStatus.InProgress => "blue",
        ObligationStatus.NotStarted => "red",
        _ => "grey",
    };
}
