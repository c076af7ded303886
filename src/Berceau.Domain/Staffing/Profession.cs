namespace Berceau.Domain.Staffing;

/// <summary>
/// Professions of an EAJE's staff and of the job board (French: métiers de la petite enfance). Names are the codes of the
/// open-data feed.
/// </summary>
public enum Profession
{
    /// <summary>Éducateur·rice de jeunes enfants (diplôme d'État, niveau 6).</summary>
    Eje,
    /// <summary>Auxiliaire de puériculture (diplôme d'État, niveau 4).</summary>
    AuxiliairePuericulture,
    /// <summary>CAP accompagnant éducatif petite enfance (niveau 3).</summary>
    CapAepe,
    /// <summary>Infirmier·ère or infirmier·ère puériculteur·rice.</summary>
    Infirmier,
    Psychomotricien,
    /// <summary>Direction of the structure (and its deputy): not counted among the adults caring for the children.</summary>
    Direction,
    /// <summary>Kitchen, cleaning, laundry: not counted among the adults caring for the children.</summary>
    AgentTechnique,
    /// <summary>Assistant·e maternel·le (job board only: crèches familiales and MAM recruit them).</summary>
    AssistantMaternel,
}

public static class Professions
{
    private static readonly Dictionary<Profession, (string Code, string Label)> Names = new()
    {
        [Profession.Eje] = ("EJE", "Éducateur ou éducatrice de jeunes enfants (EJE)"),
        [Profession.AuxiliairePuericulture] = ("AUXILIAIRE_PUERICULTURE", "Auxiliaire de puériculture"),
        [Profession.CapAepe] = ("CAP_AEPE", "Accompagnant éducatif petite enfance (CAP AEPE)"),
        [Profession.Infirmier] = ("INFIRMIER", "Infirmier ou infirmière, puériculteur ou puéricultrice"),
        [Profession.Psychomotricien] = ("PSYCHOMOTRICIEN", "Psychomotricien ou psychomotricienne"),
        [Profession.Direction] = ("DIRECTION", "Direction ou direction adjointe"),
        [Profession.AgentTechnique] = ("AGENT_TECHNIQUE", "Agent technique (cuisine, entretien, lingerie)"),
        [Profession.AssistantMaternel] = ("ASSISTANT_MATERNEL", "Assistant ou assistante maternel·le"),
    };

    public static IReadOnlyList<Profession> All { get; } = Enum.GetValues<Profession>();

    /// <summary>The positions a crèche's staffing table lists (an assistant·e maternel·le is not a post of a collective crèche).</summary>
    public static IReadOnlyList<Profession> OfFacility { get; } = [.. All.Where(p => p != Profession.AssistantMaternel)];

    public static string Code(this Profession profession) => Names[profession].Code;

    public static string Label(this Profession profession) => Names[profession].Label;

    public static bool TryParse(string? code, out Profession profession)
    {
        foreach (var (p, n) in Names)
        {
            if (string.Equals(n.Code, code, StringComparison.OrdinalIgnoreCase)) { profession = p; return true; }
        }
        profession = default;
        return false;
    }

    /// <summary>
    /// The professions counted by the encadrement rule (RULES §8: « professionnels » with the children). The director is not
    /// counted here: whether a director's time counts depends on the structure's size (R2324-46), which we do not model.
    /// </summary>
    public static bool CaresForChildren(this Profession profession) =>
        profession is Profession.Eje or Profession.AuxiliairePuericulture or Profession.CapAepe or Profession.Infirmier or Profession.Psychomotricien;
}
