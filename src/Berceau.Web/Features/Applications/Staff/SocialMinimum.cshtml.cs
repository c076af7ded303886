using Berceau.Domain.Applications;
using Berceau.Domain.Common;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Applications.Staff;

/// <summary>
/// The agent corrects the answer « un membre du foyer touche un minimum social » of a submitted application, on the rule of
/// the grid's answers, with a reason the family reads. The version read with the form guards against a change meanwhile.
/// </summary>
public sealed class SocialMinimumModel(CaseworkAccess access, CorrectSocialMinimum correct, NextCommissions commissions)
    : ApplicationCorrectionPage<SocialMinimumInput>(access, commissions)
{
    public static string PathOf(Guid id) => $"/pro/demandes/{id}/minimum-social";

    public IReadOnlyList<SelectListItem> Answers =>
    [
        new("Oui, un membre du foyer touche un minimum social", SocialMinimumInput.Yes, Input.ReceivesSocialMinimum == SocialMinimumInput.Yes),
        new("Non", SocialMinimumInput.No, Input.ReceivesSocialMinimum == SocialMinimumInput.No),
    ];

    protected override SocialMinimumInput Current(Application application) => SocialMinimumInput.From(application);

    protected override Task<Outcome<bool>> CorrectAsync(Application application, SocialMinimumInput input, CancellationToken ct) =>
        correct.RunAsync(application, input, ct);

    protected override string Corrected =>
        "La réponse sur le minimum social est corrigée. La famille voit la correction et son motif dans l’historique de sa demande.";
}
