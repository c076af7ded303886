using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Domain.Careers;
using Berceau.Web.Features.Resources;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Training.Staff;

/// <summary>
/// A training offer: new (/pro/formations/fiche) or corrected (/pro/formations/fiche/{id}), with up to three sessions; withdrawn
/// from the public page or published again (<see cref="DirectoryEntryPage{T, TInput}"/>).
/// </summary>
public sealed class EditModel(TrainingOffers offers, BerceauDbContext db) : DirectoryEntryPage<TrainingOffer, TrainingInput>(offers, db)
{
    public static IReadOnlyList<SelectListItem> DiplomaItems { get; } = [.. TrainingLabels.Diplomas.Select(d => new SelectListItem(d.Label(), d.ToString()))];
    public static IReadOnlyList<SelectListItem> RouteItems { get; } = [.. TrainingLabels.Routes.Select(r => new SelectListItem(r.Label(), r.ToString()))];

    protected override string Subject => "L’offre de formation";
    protected override TrainingInput InputFrom(TrainingOffer entry) => TrainingInput.From(entry);
    protected override int VersionOf(TrainingInput input) => input.Version;
    protected override Task<Outcome<Guid>> SaveAsync(TrainingOffer? existing, TrainingInput input, CancellationToken ct) => offers.SaveAsync(existing, input, ct);
    protected override string EditPath(Guid id) => TrainingFeature.EditPath(id);

    protected override void Prepare()
    {
        while (Input.Sessions.Count < TrainingFeature.SessionRows) Input.Sessions.Add(new SessionInput());
    }
}
