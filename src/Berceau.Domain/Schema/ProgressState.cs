namespace Berceau.Domain.Schema;

/// <summary>
/// Where a fiche action stands. The seeds' tracking tables write the « état d'avancement » as free text; these four states are
/// what the CDSF's reports count, the text goes in each update's comment.
/// </summary>
public enum ProgressState { NotStarted, InProgress, Done, Abandoned }

public static class ProgressStates
{
    public static IReadOnlyList<ProgressState> All { get; } = Enum.GetValues<ProgressState>();

    public static string Label(this ProgressState state) => state switch
    {
        ProgressState.NotStarted => "Non démarrée",
        ProgressState.InProgress => "En cours",
        ProgressState.Done => "Réalisée",
        ProgressState.Abandoned => "Abandonnée",
        _ => state.ToString(),
    };
}
