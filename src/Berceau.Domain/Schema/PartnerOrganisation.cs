using Berceau.Domain.Common;

namespace Berceau.Domain.Schema;

public readonly record struct PartnerOrganisationId(Guid Value)
{
    public static PartnerOrganisationId New() => new(Guid.NewGuid());
    public override string ToString() => Value.ToString();
}

/// <summary>
/// An organisation that takes part in the schéma of a département (Caf, Conseil départemental, a commune, the Région, France
/// Travail…): it pilots or co-pilots fiches actions, and later sits in committees. People act for it through their own staff
/// account, linked by a <see cref="PartnerMember"/>: the fiches their organisation pilots are the ones they may update.
/// </summary>
public sealed class PartnerOrganisation
{
    public const int MaxNameLength = 200;

    public PartnerOrganisationId Id { get; init; } = PartnerOrganisationId.New();
    public required string DepartementCode { get; init; }
    public string Name { get; private set; } = "";
    public List<PartnerMember> Members { get; init; } = [];

    /// <summary>A new organisation; its name is unique in the département (<paramref name="taken"/>, compared without case).</summary>
    public static Outcome<PartnerOrganisation> Create(string departementCode, string? name, IEnumerable<string> taken)
    {
        var text = SchemaText.Clean(name);
        if (text is null) return Problem.Of("required", "Name");
        if (text.Length > MaxNameLength) return Problem.Of("too-long", "Name", MaxNameLength);
        if (taken.Any(t => string.Equals(t, text, StringComparison.OrdinalIgnoreCase))) return Problem.Of("schema-organisation-taken", "Name", text);
        return new PartnerOrganisation { DepartementCode = departementCode, Name = text };
    }

    public Outcome<PartnerMember> AddMember(string userId)
    {
        if (Members.Any(m => m.UserId == userId)) return Problem.Of("schema-member-already", "Email");
        var member = new PartnerMember { OrganisationId = Id, UserId = userId };
        Members.Add(member);
        return member;
    }
}

/// <summary>A staff account acting for an organisation.</summary>
public sealed class PartnerMember
{
    public PartnerOrganisationId OrganisationId { get; init; }
    public required string UserId { get; init; }
}
