namespace Berceau.Domain.Schema;

/// <summary>
/// How many fiches stand in each state, for an axe or for the whole schéma: the figures of the « état d'avancement » report.
/// The share done leaves abandoned fiches out of the denominator: a fiche given up by the CDSF is no longer to be done.
/// </summary>
public sealed record ProgressTally(int NotStarted, int InProgress, int Done, int Abandoned)
{
    public static ProgressTally Of(IEnumerable<ProgressState> states)
    {
        int notStarted = 0, inProgress = 0, done = 0, abandoned = 0;
        foreach (var state in states)
        {
            switch (state)
            {
                case ProgressState.NotStarted: notStarted++; break;
                case ProgressState.InProgress: inProgress++; break;
                case ProgressState.Done: done++; break;
                case ProgressState.Abandoned: abandoned++; break;
            }
        }
        return new ProgressTally(notStarted, inProgress, done, abandoned);
    }

    public int Total => NotStarted + InProgress + Done + Abandoned;

    public int Count(ProgressState state) => state switch
    {
        ProgressState.NotStarted => NotStarted,
        ProgressState.InProgress => InProgress,
        ProgressState.Done => Done,
        _ => Abandoned,
    };

    /// <summary>Done among the fiches still to do (whole percent, rounded half away from zero); null when there are none.</summary>
    public int? DonePercent => Total - Abandoned is var due and > 0
        ? (int)Math.Round(100m * Done / due, MidpointRounding.AwayFromZero) : null;
}
