using Berceau.Domain.Applications;
using Berceau.Domain.Common;
using Berceau.Web.Features.Applications.Family;

namespace Berceau.Web.Features.Applications.Staff;

/// <summary>
/// The agent corrects the answers the points grid reads (quotient familial, PMI or social support, sibling, partner
/// employer) of a submitted application, until the freeze date of the commune's next commission, with a reason the family
/// reads. The version read with the form guards against a change meanwhile (the family's or a colleague's).
/// </summary>
public sealed class GridAnswersModel(CaseworkAccess access, CorrectGridAnswers correct, ApplicationFormQueries shared, NextCommissions commissions)
    : ApplicationCorrectionPage<GridCorrectionInput>(access, commissions)
{
    public static string PathOf(Guid id) => $"/pro/demandes/{id}/grille";

    public ApplicationFormOptions Options { get; private set; } = null!;

    protected override GridCorrectionInput Current(Application application) => GridCorrectionInput.From(application);

    protected override Task<Outcome<bool>> CorrectAsync(Application application, GridCorrectionInput input, CancellationToken ct) =>
        correct.RunAsync(application, input, ct);

    protected override string Corrected =>
        "Les réponses à la grille sont corrigées. La famille voit la correction et son motif dans l’historique de sa demande.";

    protected override async Task LoadMoreAsync(Application application, CancellationToken ct)
    {
        var commune = await shared.CommuneAsync(application.CommuneCode, ct);
        Options = await shared.OptionsAsync(commune!, ct);
    }
}
