using Berceau.Data.Commission;

namespace Berceau.Web.Features.Commission;

/// <summary>
/// The views of the last runs this node saved, built on the thread pool from the engine's result as soon as each run is saved
/// (<see cref="RunView.Of"/>). The review page a member opens right after a run takes its view here, instead of reading a
/// département's result (25 MB) back from the database and parsing it (docs/performance.md). A stored run never changes: a view is right for as long as it
/// is kept. Only the last <see cref="Kept"/> are kept (each holds its result, whose explanations point into the engine's indexed
/// instance: about what the parsed JSON held before); any other run, or a run saved by another node, is read from the database.
/// </summary>
public sealed class RecentRunViews
{
    public const int Kept = 2;

    private readonly KeptResults<Guid, RunView> views = new(Kept);

    /// <summary>Starts building the view of a run that was just saved, from the result the engine gave it.</summary>
    public void Add(CommissionRun run, Berceau.Allocation.Result result) => views.Keep(run.Id, Task.Run(() => RunView.Of(run, result)));

    /// <summary>The view of a run kept here, or null (a view whose reading failed is not kept: the page reads the run from the database).</summary>
    public Task<RunView>? Find(Guid run) => views.Find(run);
}
