using Berceau.Domain.Common;
using Berceau.Domain.Schema;

namespace Berceau.Domain.Governance;

/// <summary>
/// An « instance de gouvernance » of a département's schéma: the CDSF in plenary session, the comité de pilotage, a comité
/// thématique or a groupe de travail. Its members are partner organisations, each with a role and optionally the person who sits
/// for it (a name, an e-mail, the account when there is one). Members of these organisations read the instance and its meetings;
/// the CDSF secretariat of the département runs it. Every change bumps <see cref="Version"/>.
/// </summary>
public sealed class GovernanceBody
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 2000;
    public const int MaxMembers = 150;
    public const int MaxAxes = 20;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required string DepartementCode { get; init; }
    public GovernanceKind Kind { get; private set; }
    public string Name { get; private set; } = "";
    public string? Description { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>The axes of the schéma the instance follows (a thematic committee, a working group), none for the CDSF itself.</summary>
    public List<GovernanceBodyAxis> Axes { get; init; } = [];
    public List<GovernanceMember> Members { get; init; } = [];
    public int Version { get; set; }

    public static Outcome<GovernanceBody> Create(string departementCode, GovernanceKind? kind, string? name, string? description, IReadOnlyCollection<Guid> axes, DateTimeOffset at)
    {
        var body = new GovernanceBody { DepartementCode = departementCode, CreatedAt = at };
        var described = body.Describe(kind, name, description, axes);
        if (!described.IsSuccess) return Outcome<GovernanceBody>.Failure(described.Problems);
        body.Version = 0;
        return body;
    }

    /// <summary>Kind, name, description and the axes followed (the caller checks they are axes of the département's schémas).</summary>
    public Outcome<bool> Describe(GovernanceKind? kind, string? name, string? description, IReadOnlyCollection<Guid> axes)
    {
        var problems = new List<Problem>();
        if (kind is null) problems.Add(Problem.Of("gov-kind", "Kind"));
        var text = GovernanceText.Clean(name);
        if (text is null) problems.Add(Problem.Of("required", "Name"));
        else if (text.Length > MaxNameLength) problems.Add(Problem.Of("too-long", "Name", MaxNameLength));
        var about = GovernanceText.Clean(description);
        if (about is { Length: > MaxDescriptionLength }) problems.Add(Problem.Of("too-long", "Description", MaxDescriptionLength));
        var distinct = axes.Distinct().ToList();
        if (distinct.Count > MaxAxes) problems.Add(Problem.Of("gov-too-many-axes", "AxisIds", MaxAxes));
        if (problems.Count > 0) return Outcome<bool>.Failure(problems);
        Kind = kind!.Value;
        Name = text!;
        Description = about;
        Axes.RemoveAll(a => !distinct.Contains(a.AxisId));
        foreach (var added in distinct.Where(d => Axes.All(a => a.AxisId != d)))
            Axes.Add(new GovernanceBodyAxis { BodyId = Id, AxisId = added });
        Version++;
        return true;
    }

    /// <summary>
    /// A member: an organisation of the département with its role, and optionally who sits for it. The same organisation may sit
    /// twice with two different people (a titulaire and a suppléant), never twice with the same person or twice without one.
    /// </summary>
    public Outcome<GovernanceMember> AddMember(PartnerOrganisationId? organisation, MemberRole? role, string? personName, string? email, string? userId)
    {
        var problems = new List<Problem>();
        if (organisation is null) problems.Add(Problem.Of("schema-organisation-choose", "OrganisationId"));
        if (role is null) problems.Add(Problem.Of("gov-role", "Role"));
        var name = GovernanceText.Clean(personName);
        if (name is { Length: > GovernanceMember.MaxNameLength }) problems.Add(Problem.Of("too-long", "PersonName", GovernanceMember.MaxNameLength));
        var address = GovernanceText.Clean(email);
        if (address is not null && !GovernanceText.IsEmail(address)) problems.Add(Problem.Of("email-invalid", "Email"));
        if (Members.Count >= MaxMembers) problems.Add(Problem.Of("gov-too-many-members", "OrganisationId", MaxMembers));
        if (problems.Count == 0 && Members.Any(m => m.OrganisationId == organisation
                && string.Equals(m.Email, address, StringComparison.OrdinalIgnoreCase) && string.Equals(m.PersonName, name, StringComparison.CurrentCultureIgnoreCase)))
            problems.Add(Problem.Of("gov-member-already", "OrganisationId"));
        if (problems.Count > 0) return Outcome<GovernanceMember>.Failure(problems);
        var member = new GovernanceMember { BodyId = Id, OrganisationId = organisation!.Value, Role = role!.Value, PersonName = name, Email = address, UserId = userId };
        Members.Add(member);
        Version++;
        return member;
    }

    public bool RemoveMember(Guid memberId)
    {
        if (Members.RemoveAll(m => m.Id == memberId) == 0) return false;
        Version++;
        return true;
    }

    /// <summary>Whether one of <paramref name="organisations"/> sits in the instance.</summary>
    public bool HasMemberAmong(IReadOnlyCollection<PartnerOrganisationId> organisations) => Members.Any(m => organisations.Contains(m.OrganisationId));
}

public sealed class GovernanceBodyAxis
{
    public Guid BodyId { get; init; }
    public Guid AxisId { get; init; }
}

/// <summary>An organisation in an instance, with its role, and who sits for it when the secretariat knows.</summary>
public sealed class GovernanceMember
{
    public const int MaxNameLength = 150;
    public const int MaxEmailLength = 256;

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid BodyId { get; init; }
    public PartnerOrganisationId OrganisationId { get; init; }
    public MemberRole Role { get; init; }
    public string? PersonName { get; init; }
    /// <summary>Where invitations go; when empty, they go to the accounts linked to the organisation.</summary>
    public string? Email { get; init; }
    /// <summary>The staff account with that e-mail, when there is one (found by the secretariat's form).</summary>
    public string? UserId { get; init; }
}

internal static class GovernanceText
{
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>A bare address whose domain has a dot (as the account forms ask).</summary>
    public static bool IsEmail(string text) =>
        text.Length <= GovernanceMember.MaxEmailLength
        && System.Net.Mail.MailAddress.TryCreate(text, out var address) && address.Address == text
        && address.Host.Contains('.', StringComparison.Ordinal) && !address.Host.EndsWith('.');
}
