using Berceau.Data;
using Berceau.Domain.Obligations;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Obligations;

public sealed record CommuneRef(string Code, string Name, string DepartementCode, int Population);

public sealed record DocumentRow(Guid Id, Guid RecordId, string Title, string FileName, string ContentType, int Size, DateTimeOffset UploadedAt);

/// <summary>A commune with its obligations: the compliance, the records behind it and their documents.</summary>
public sealed record CommuneFile(CommuneRef Commune, CommuneCompliance Compliance, IReadOnlyList<CommuneObligationRecord> Records, IReadOnlyList<DocumentRow> Documents)
{
    public CommuneObligationRecord? Record(CommuneObligationKind kind) => Records.FirstOrDefault(r => r.Kind == kind);

    public IEnumerable<DocumentRow> DocumentsOf(CommuneObligationKind kind) =>
        Record(kind) is { } record ? Documents.Where(d => d.RecordId == record.Id) : [];
}

public sealed class ObligationQueries(BerceauDbContext db)
{
    public Task<CommuneRef?> CommuneAsync(string code, CancellationToken ct) =>
        db.Communes.AsNoTracking().Where(c => c.Code == code)
            .Select(c => new CommuneRef(c.Code, c.Name, c.DepartementCode, c.Population)).FirstOrDefaultAsync(ct);

    /// <summary>The communes of the départements and the single communes given, by name.</summary>
    public async Task<IReadOnlyList<CommuneRef>> CommunesAsync(IReadOnlySet<string> departements, IReadOnlySet<string> communes, CancellationToken ct)
    {
        var deps = departements.ToList();
        var codes = communes.ToList();
        var rows = await db.Communes.AsNoTracking()
            .Where(c => deps.Contains(c.DepartementCode) || codes.Contains(c.Code))
            .Select(c => new CommuneRef(c.Code, c.Name, c.DepartementCode, c.Population))
            .ToListAsync(ct);
        return [.. rows.OrderBy(c => c.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), false)).ThenBy(c => c.Code)];
    }

    public async Task<IReadOnlyList<CommuneCompliance>> ComplianceAsync(IReadOnlyList<CommuneRef> communes, CancellationToken ct)
    {
        var codes = communes.Select(c => c.Code).ToList();
        var records = await db.CommuneObligations.AsNoTracking().Where(r => codes.Contains(r.CommuneCode)).ToListAsync(ct);
        var byCommune = records.ToLookup(r => r.CommuneCode);
        return [.. communes.Select(c => CommuneCompliance.Of(c.Code, c.Name, c.Population, byCommune[c.Code]))];
    }

    public async Task<CommuneFile?> ObligationsAsync(string code, CancellationToken ct)
    {
        var commune = await CommuneAsync(code, ct);
        if (commune is null) return null;
        var records = await db.CommuneObligations.AsNoTracking().Where(r => r.CommuneCode == code).ToListAsync(ct);
        var ids = records.Select(r => r.Id).ToList();
        var documents = await db.CommuneObligationDocuments.AsNoTracking().Where(d => ids.Contains(d.RecordId))
            .Select(d => new DocumentRow(d.Id, d.RecordId, d.Title, d.FileName, d.ContentType, d.Size, d.UploadedAt))
            .ToListAsync(ct);
        // Ordered here: SQLite cannot order by a DateTimeOffset.
        return new CommuneFile(commune, CommuneCompliance.Of(commune.Code, commune.Name, commune.Population, records), records,
            [.. documents.OrderBy(d => d.UploadedAt).ThenBy(d => d.Id)]);
    }

    /// <summary>A document of the commune's obligations, with its bytes; null when it is another commune's or does not exist.</summary>
    public Task<CommuneObligationDocument?> DocumentAsync(string commune, Guid id, CancellationToken ct) =>
        db.CommuneObligationDocuments.AsNoTracking()
            .Where(d => d.Id == id && db.CommuneObligations.Any(r => r.Id == d.RecordId && r.CommuneCode == commune))
            .FirstOrDefaultAsync(ct);
}
