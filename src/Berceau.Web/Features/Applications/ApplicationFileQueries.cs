using Berceau.Data;
using Berceau.Domain.Applications;
using Berceau.Domain.Offer;
using Microsoft.EntityFrameworkCore;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;

namespace Berceau.Web.Features.Applications;

public sealed record DocumentSummary(Guid Id, ProofKind Kind, string FileName, int Size, DateTimeOffset UploadedAt,
    ProofReview Review = ProofReview.Pending, string? RejectionReason = null);

/// <summary>
/// What a file shows beside the application itself, on the family's page, in the guichet's file and in the PDF summary:
/// the names of its commune, sector and crèches, and its proofs. The caller has already found the application it may see.
/// </summary>
public sealed class ApplicationFileQueries(BerceauDbContext db)
{
    public async Task<IReadOnlyDictionary<FacilityId, string>> FacilityNamesAsync(IEnumerable<FacilityId> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Facilities.AsNoTracking().Where(f => wanted.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, ct);
    }

    public async Task<string?> SectorNameAsync(Guid? sectorId, CancellationToken ct) =>
        sectorId is null ? null : await db.Sectors.AsNoTracking().Where(s => s.Id == sectorId).Select(s => s.Name).FirstOrDefaultAsync(ct);

    public async Task<string> CommuneNameAsync(string code, CancellationToken ct) =>
        await db.Communes.AsNoTracking().Where(c => c.Code == code).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? code;

    public async Task<IReadOnlyList<DocumentSummary>> DocumentsAsync(Guid applicationId, CancellationToken ct)
    {
        var key = new ApplicationId(applicationId);
        var rows = await db.ApplicationDocuments.AsNoTracking().Where(d => d.ApplicationId == key)
            .Select(d => new DocumentSummary(d.Id, d.Kind, d.FileName, d.Size, d.UploadedAt, d.Review, d.RejectionReason)).ToListAsync(ct);
        return [.. rows.OrderBy(d => d.UploadedAt)];
    }
}
