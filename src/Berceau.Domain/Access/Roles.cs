namespace Berceau.Domain.Access;

/// <summary>The roles of DESIGN.md. Role names are stored in Identity; labels are what staff see.</summary>
public static class Roles
{
    public const string Family = "famille";
    public const string Childminder = "assistant_maternel";
    public const string Agent = "agent";
    public const string Director = "direction";
    public const string Committee = "commission";
    public const string Observatory = "observatoire";
    public const string Steering = "pilotage";
    /// <summary>Someone acting for a partner organisation of the schéma (Caf, Région, a commune…): updates the fiches it pilots.</summary>
    public const string Partner = "partenaire";
    /// <summary>
    /// An advisor of the Caf, the PMI or a commune who follows the structures of their territory (conseiller·ère petite enfance):
    /// the alert list of structures in difficulty, the signals they record and the accompaniment cases.
    /// </summary>
    public const string Advisor = "conseiller";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Family, Childminder, Agent, Director, Committee, Observatory, Steering, Partner, Advisor, Admin];

    /// <summary>Staff roles see other people's data: two-factor authentication is mandatory for them.</summary>
    public static IReadOnlyList<string> Staff { get; } = [Agent, Director, Committee, Observatory, Steering, Partner, Advisor, Admin];

    public static bool IsStaff(string role) => Staff.Contains(role);

    public static string Label(string role) => role switch
    {
        Family => "Famille",
        Childminder => "Assistant·e maternel·le",
        Agent => "Agent guichet / RPE",
        Director => "Direction de structure",
        Committee => "Commission d’attribution",
        Observatory => "Observatoire",
        Steering => "Pilotage du schéma (SDSF)",
        Partner => "Partenaire du schéma (SDSF)",
        Advisor => "Conseiller·ère petite enfance (Caf, PMI, commune)",
        Admin => "Administration",
        _ => role,
    };
}
