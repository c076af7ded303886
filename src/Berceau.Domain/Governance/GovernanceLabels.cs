namespace Berceau.Domain.Governance;

/// <summary>The kinds of « instances de gouvernance » of a schéma, as the seeds of the 93 and 92 name them.</summary>
public enum GovernanceKind { Plenary, SteeringCommittee, ThematicCommittee, WorkingGroup }

/// <summary>What an organisation (or a person for it) is in an instance.</summary>
public enum MemberRole { Chair, CoChair, Member, Secretariat }

public enum GovernanceMeetingStatus { Planned, Held, Cancelled }

/// <summary>Présent·e, excusé·e (apologies sent), absent·e.</summary>
public enum Presence { Present, Excused, Absent }

/// <summary>The « suivi des décisions »: à faire, en cours, faite.</summary>
public enum FollowUpStatus { ToDo, InProgress, Done }

public static class GovernanceLabels
{
    public static IReadOnlyList<GovernanceKind> Kinds { get; } = [GovernanceKind.Plenary, GovernanceKind.SteeringCommittee, GovernanceKind.ThematicCommittee, GovernanceKind.WorkingGroup];
    public static IReadOnlyList<MemberRole> Roles { get; } = [MemberRole.Chair, MemberRole.CoChair, MemberRole.Member, MemberRole.Secretariat];
    public static IReadOnlyList<Presence> Presences { get; } = [Presence.Present, Presence.Excused, Presence.Absent];
    public static IReadOnlyList<FollowUpStatus> Statuses { get; } = [FollowUpStatus.ToDo, FollowUpStatus.InProgress, FollowUpStatus.Done];

    public static string Label(this GovernanceKind kind) => kind switch
    {
        GovernanceKind.Plenary => "CDSF plénière",
        GovernanceKind.SteeringCommittee => "Comité de pilotage",
        GovernanceKind.ThematicCommittee => "Comité thématique",
        GovernanceKind.WorkingGroup => "Groupe de travail",
        _ => kind.ToString(),
    };

    public static string Label(this MemberRole role) => role switch
    {
        MemberRole.Chair => "Président·e",
        MemberRole.CoChair => "Co-président·e",
        MemberRole.Member => "Membre",
        MemberRole.Secretariat => "Secrétariat",
        _ => role.ToString(),
    };

    public static string Label(this GovernanceMeetingStatus status) => status switch
    {
        GovernanceMeetingStatus.Planned => "Prévue",
        GovernanceMeetingStatus.Held => "Tenue",
        GovernanceMeetingStatus.Cancelled => "Annulée",
        _ => status.ToString(),
    };

    public static string Label(this Presence presence) => presence switch
    {
        Presence.Present => "Présent·e",
        Presence.Excused => "Excusé·e",
        Presence.Absent => "Absent·e",
        _ => presence.ToString(),
    };

    public static string Label(this FollowUpStatus status) => status switch
    {
        FollowUpStatus.ToDo => "À faire",
        FollowUpStatus.InProgress => "En cours",
        FollowUpStatus.Done => "Faite",
        _ => status.ToString(),
    };
}
