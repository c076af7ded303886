using Microsoft.AspNetCore.Identity;

namespace Berceau.Data.Identity;

public sealed class BerceauUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public bool IsDisabled { get; set; }
}

/// <summary>
/// One grant of territory to a user: a whole département, one commune, or one facility (a director). The union of
/// a user's grants is their <see cref="Berceau.Domain.Access.TerritoryScope"/>.
/// </summary>
public sealed class UserGrant
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string UserId { get; init; }
    public string? DepartementCode { get; init; }
    public string? CommuneCode { get; init; }
    public Guid? FacilityId { get; init; }
}
