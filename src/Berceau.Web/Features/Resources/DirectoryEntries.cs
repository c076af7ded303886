using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Domain.Resources;
using Berceau.Web.Features.Applications.Staff;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;

namespace Berceau.Web.Features.Resources;

/// <summary>A directory entry as typed (text, shown back as typed).</summary>
public sealed record ResourceInput
{
    public int Version { get; set; }
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? CommuneCode { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    public string? Description { get; set; }

    public static ResourceInput From(DisabilityResource r) => new()
    {
        Version = r.Version, Name = r.Name, Kind = r.Kind.ToString(), CommuneCode = r.CommuneCode, Address = r.Address, Phone = r.Phone,
        Email = r.Email, Website = r.Website, Description = r.Description,
    };
}

/// <summary>The entries of the disability directory of the staff member's communes (see <see cref="DirectoryStore{T}"/>).</summary>
public sealed class DirectoryEntries(BerceauDbContext db, CaseworkAccess territory, AuditLog audit)
    : DirectoryStore<DisabilityResource>(db, territory, audit, ResourcesFeature.EntityType, "une fiche de l’annuaire handicap")
{
    protected override IOrderedEnumerable<DisabilityResource> Order(IOrderedEnumerable<DisabilityResource> entries) =>
        entries.ThenBy(r => r.Name, StringComparer.Ordinal);

    public async Task<Outcome<Guid>> SaveAsync(DisabilityResource? existing, ResourceInput input, CancellationToken ct)
    {
        if (existing is not null && existing.Version != input.Version) return Problem.Of("concurrency", "");
        var reader = new InputReader();
        var name = reader.Text(input.Name, nameof(input.Name), DisabilityResource.MaxNameLength, required: true);
        DisabilityResourceKind? kind = Enum.TryParse<DisabilityResourceKind>(input.Kind, out var k) && Enum.IsDefined(k) ? k : null;
        if (kind is null) reader.Add("resource-kind", nameof(input.Kind));
        var commune = await CommuneAsync(reader, input.CommuneCode, ct);
        var (phone, email, website) = Contacts.Read(reader, input.Phone, input.Email, input.Website);
        var address = reader.Text(input.Address, nameof(input.Address), DisabilityResource.MaxAddressLength);
        var description = reader.Text(input.Description, nameof(input.Description), DisabilityResource.MaxDescriptionLength, required: true);
        if (reader.Problems.Count > 0) return Outcome<Guid>.Failure(reader.Problems);
        var values = new DisabilityResourceValues(name!, kind!.Value, commune!, address, phone, email, website, description!);
        return await SaveAsync(existing, (at, by) => DisabilityResource.Create(values, at, by), (r, at, by) => r.Update(values, at, by), ct);
    }
}

/// <summary>The public contacts of a service as typed: phone, e-mail, https site (each optional, checked by the domain).</summary>
internal static class Contacts
{
    public static (string? Phone, string? Email, string? Website) Read(InputReader reader, string? phone, string? email, string? website) => (
        reader.Text(phone, "Phone", DisabilityResource.MaxPhoneLength),
        reader.Text(email, "Email", DisabilityResource.MaxEmailLength),
        reader.Text(website, "Website", DisabilityResource.MaxWebsiteLength));
}
