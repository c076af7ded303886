using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Domain.Resources;
using Berceau.Web.Features.Applications.Staff;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

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

/// <summary>
/// The directory entries a staff member manages: those of the communes their territory covers as a whole (another commune's entry is
/// not found, 404). Create, correct (version checked), withdraw from the public page or publish again; each change has its audit line.
/// </summary>
public sealed class DirectoryEntries(BerceauDbContext db, CaseworkAccess territory, AuditLog audit)
{
    public Task<IReadOnlyList<string>> CommunesAsync(CancellationToken ct) => territory.CommunesAsync(ct);

    public async Task<IReadOnlyList<DisabilityResource>> ListAsync(CancellationToken ct)
    {
        var communes = await territory.CommunesAsync(ct);
        return await db.DisabilityResources.AsNoTracking().Where(r => communes.Contains(r.CommuneCode))
            .OrderBy(r => r.Withdrawn).ThenBy(r => r.Name).ToListAsync(ct);
    }

    public async Task<DisabilityResource?> FindAsync(Guid id, CancellationToken ct)
    {
        var communes = await territory.CommunesAsync(ct);
        return await db.DisabilityResources.FirstOrDefaultAsync(r => r.Id == id && communes.Contains(r.CommuneCode), ct);
    }

    public async Task<Outcome<Guid>> SaveAsync(DisabilityResource? existing, ResourceInput input, CancellationToken ct)
    {
        if (existing is not null && existing.Version != input.Version) return Problem.Of("concurrency", "");
        var reader = new InputReader();
        var name = reader.Text(input.Name, nameof(input.Name), DisabilityResource.MaxNameLength, required: true);
        DisabilityResourceKind? kind = Enum.TryParse<DisabilityResourceKind>(input.Kind, out var k) && Enum.IsDefined(k) ? k : null;
        if (kind is null) reader.Add("resource-kind", nameof(input.Kind));
        var commune = await territory.CoversCommuneAsync(input.CommuneCode, ct) ? input.CommuneCode : null;
        if (commune is null) reader.Add("resource-commune", nameof(input.CommuneCode));
        var (phone, email, website) = Contacts.Read(reader, input.Phone, input.Email, input.Website);
        var address = reader.Text(input.Address, nameof(input.Address), DisabilityResource.MaxAddressLength);
        var description = reader.Text(input.Description, nameof(input.Description), DisabilityResource.MaxDescriptionLength, required: true);
        if (reader.Problems.Count > 0) return Outcome<Guid>.Failure(reader.Problems);
        var values = new DisabilityResourceValues(name!, kind!.Value, commune!, address, phone, email, website, description!);
        DisabilityResource saved;
        if (existing is null)
        {
            var created = DisabilityResource.Create(values, territory.Now, territory.UserId);
            if (!created.IsSuccess) return Outcome<Guid>.Failure(created.Problems);
            db.DisabilityResources.Add(saved = created.Value);
            audit.Record("création d’une fiche de l’annuaire handicap", ResourcesFeature.EntityType, saved.Id.ToString(), saved.Name);
        }
        else
        {
            var updated = existing.Update(values, territory.Now, territory.UserId);
            if (!updated.IsSuccess) return Outcome<Guid>.Failure(updated.Problems);
            saved = existing;
            audit.Record("modification d’une fiche de l’annuaire handicap", ResourcesFeature.EntityType, saved.Id.ToString(), saved.Name);
        }
        var result = await CaseSave.SaveAsync(db, "concurrency", ct);
        return result.IsSuccess ? saved.Id : Outcome<Guid>.Failure(result.Problems);
    }

    public async Task<Outcome<bool>> SetWithdrawnAsync(DisabilityResource resource, int version, bool withdrawn, CancellationToken ct)
    {
        if (resource.Version != version) return Problem.Of("concurrency", "");
        resource.SetWithdrawn(withdrawn, territory.Now, territory.UserId);
        audit.Record(withdrawn ? "retrait d’une fiche de l’annuaire handicap" : "republication d’une fiche de l’annuaire handicap",
            ResourcesFeature.EntityType, resource.Id.ToString(), resource.Name);
        return await CaseSave.SaveAsync(db, "concurrency", ct);
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
