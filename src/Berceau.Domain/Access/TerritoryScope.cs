namespace Berceau.Domain.Access;

/// <summary>
/// What part of the territory a staff member may see: whole départements, single communes, and (for directors) their
/// own facilities. An empty scope sees nothing: access is granted, never assumed.
/// </summary>
public sealed record TerritoryScope(
    IReadOnlySet<string> Departements,
    IReadOnlySet<string> Communes,
    IReadOnlySet<Guid> Facilities)
{
    public static TerritoryScope Empty { get; } = new(new HashSet<string>(), new HashSet<string>(), new HashSet<Guid>());

    public bool IsEmpty => Departements.Count == 0 && Communes.Count == 0 && Facilities.Count == 0;

    /// <summary>True when the scope covers the commune as a whole (département or commune grant).</summary>
    public bool CoversCommune(string communeCode) =>
        Communes.Contains(communeCode) || Departements.Contains(DepartementOf(communeCode));

    /// <summary>A facility is visible if its commune is covered or it was granted directly (directors).</summary>
    public bool CoversFacility(Guid facilityId, string communeCode) =>
        Facilities.Contains(facilityId) || CoversCommune(communeCode);

    /// <summary>INSEE codes: 2 characters of département in metropolitan France, 3 overseas (97x).</summary>
    public static string DepartementOf(string communeCode) =>
        communeCode.StartsWith("97", StringComparison.Ordinal) && communeCode.Length >= 3 ? communeCode[..3] : communeCode[..2];
}
