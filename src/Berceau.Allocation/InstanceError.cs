namespace Berceau.Allocation;

/// <summary>
/// One reason an instance is invalid. <see cref="Path"/> is the JSON path of the faulty value (`applications[12].wishes[3].structure`),
/// <see cref="Code"/> a stable English code, <see cref="Message"/> the French sentence shown to people.
/// </summary>
public sealed record InstanceError(string Path, string Code, string Message)
{
    public override string ToString() => $"{Path} : {Message}";
}

/// <summary>Thrown by <see cref="AllocationEngine.Solve"/> on an invalid instance: call <see cref="AllocationEngine.Validate"/> first
/// when the instance comes from outside.</summary>
public sealed class InvalidInstanceException(IReadOnlyList<InstanceError> errors)
    : Exception($"Instance invalide : {errors[0]}")
{
    public IReadOnlyList<InstanceError> Errors { get; } = errors;
}

/// <summary>The French messages of the engine, in one place (the engine references nothing, so not in Domain's table).</summary>
internal static class InstanceErrors
{
    public const int MaxListed = 20;

    public static InstanceError Missing(string path) => new(path, "missing", "valeur obligatoire absente.");
    public static InstanceError Invalid(string path, string expected) => new(path, "invalid", $"valeur invalide, attendu : {expected}.");
    public static InstanceError Version(string path, int version) =>
        new(path, "unsupported-version", $"version {version} non prise en charge (seule la version {Instance.CurrentVersion} l’est).");
    public static InstanceError Negative(string path) => new(path, "negative", "la valeur doit être positive ou nulle.");
    public static InstanceError AgeRange(string path) =>
        new(path, "age-range", "l’âge maximal doit être supérieur ou égal à l’âge minimal.");
    public static InstanceError ReservesOverCapacity(string path) =>
        new(path, "reserves-over-capacity", "la somme des places réservées dépasse la capacité de la section.");
    public static InstanceError Duplicate(string path, string value) => new(path, "duplicate", $"« {value} » figure déjà plus haut.");
    public static InstanceError UnknownStructure(string path, string value) =>
        new(path, "unknown-structure", $"structure « {value} » inconnue (aucune section ne la porte).");
    public static InstanceError UnknownSection(string path, string value) => new(path, "unknown-section", $"section « {value} » inconnue.");
    public static InstanceError NoWish(string path) => new(path, "no-wish", "au moins un vœu est nécessaire.");
    public static InstanceError SeedRequired(string path) =>
        new(path, "seed-required", "la graine (seed) est obligatoire quand une demande n’a pas de tieBreak.");
    public static InstanceError TooLarge(string path) => new(path, "too-large", "trop d’éléments pour le moteur.");
}
