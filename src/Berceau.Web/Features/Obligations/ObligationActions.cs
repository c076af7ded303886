using Berceau.Data;
using Berceau.Domain.Applications;
using Berceau.Domain.Common;
using Berceau.Domain.Obligations;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Obligations;

// Forms bind text, never the entities: the handlers read and check each value and say what is wrong in French.
public sealed record AssessInput
{
    public int Version { get; set; }
    public string? Status { get; set; }
    public string? AsOf { get; set; }
    public string? Since { get; set; }
    public List<string> Contents { get; set; } = [];
    public string? Comment { get; set; }
}

/// <summary>
/// What the commune's agents and the département's secretariat do with an obligation: record its situation, add or remove a
/// document. Each change writes its audit line in the same SaveChanges. The caller checked the right to record on that commune.
/// </summary>
public sealed class ObligationActions(BerceauDbContext db, ObligationAccess access, AuditLog audit)
{
    private const string Concurrency = "obligation-concurrency";

    public async Task<Outcome<bool>> AssessAsync(string commune, CommuneObligationKind kind, AssessInput input, CancellationToken ct)
    {
        var reader = new InputReader();
        ObligationStatus? status = Enum.TryParse<ObligationStatus>(input.Status, out var s) && Enum.IsDefined(s) ? s : null;
        var asOf = reader.Date(input.AsOf, nameof(input.AsOf));
        var since = reader.Date(input.Since, nameof(input.Since));
        var contents = input.Contents.Aggregate(PlanContents.None, (all, c) =>
            Enum.TryParse<PlanContents>(c, out var item) && CommuneObligations.PlanItems.Contains(item) ? all | item : all);
        if (reader.Problems.Count > 0) return Outcome<bool>.Failure(reader.Problems);

        var record = await db.CommuneObligations.FirstOrDefaultAsync(r => r.CommuneCode == commune && r.Kind == kind, ct);
        if ((record?.Version ?? 0) != input.Version) return Problem.Of(Concurrency, "");
        if (record is null)
        {
            record = CommuneObligationRecord.Create(commune, kind);
            db.CommuneObligations.Add(record);
        }
        var assessed = record.Assess(status, asOf, since, contents, input.Comment, access.Today, access.Now, access.UserId);
        if (!assessed.IsSuccess)
        {
            db.ChangeTracker.Clear();
            return assessed;
        }
        audit.Record(ObligationAudit.Assessed, ObligationAudit.EntityType, $"{commune}/{kind}", Describe(record));
        return await CaseSave.SaveAsync(db, Concurrency, ct);
    }

    /// <summary>Stores a document with the obligation (which gets a row, « non renseignée », if it had none).</summary>
    public async Task<Outcome<bool>> AddDocumentAsync(string commune, CommuneObligationKind kind, string? title, IFormFile? file, CancellationToken ct)
    {
        var problems = new List<Problem>();
        var name = title?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > CommuneObligationDocument.MaxTitleLength) problems.Add(Problem.Of("obligation-document-title", "Title"));
        var upload = await CheckedUpload.ReadAsync(file, "Upload", ct);
        problems.AddRange(upload.Problems);
        if (problems.Count > 0) return Outcome<bool>.Failure(problems);

        var record = await db.CommuneObligations.FirstOrDefaultAsync(r => r.CommuneCode == commune && r.Kind == kind, ct);
        if (record is null)
        {
            record = CommuneObligationRecord.Create(commune, kind);
            db.CommuneObligations.Add(record);
        }
        else if (await db.CommuneObligationDocuments.CountAsync(d => d.RecordId == record.Id, ct) >= CommuneObligationRecord.MaxDocuments)
        {
            return Problem.Of("obligation-documents-full", "Upload", CommuneObligationRecord.MaxDocuments);
        }
        var (content, contentType) = upload.Value;
        var document = new CommuneObligationDocument
        {
            RecordId = record.Id,
            Title = name!,
            FileName = Proofs.SafeFileName(file!.FileName, contentType),
            ContentType = contentType,
            Size = content.Length,
            Content = content,
            UploadedAt = access.Now,
            UploadedBy = access.UserId,
        };
        db.CommuneObligationDocuments.Add(document);
        audit.Record(ObligationAudit.DocumentAdded, ObligationAudit.EntityType, $"{commune}/{kind}", $"{document.Title} ({document.FileName}, {document.Size} octets)");
        return await CaseSave.SaveAsync(db, Concurrency, ct);
    }

    /// <summary>Removes a document of the commune's obligation; false when it is not one (another commune's, already removed).</summary>
    public async Task<bool> RemoveDocumentAsync(string commune, Guid id, CancellationToken ct)
    {
        var found = await db.CommuneObligationDocuments
            .Where(d => d.Id == id)
            .Join(db.CommuneObligations.Where(r => r.CommuneCode == commune), d => d.RecordId, r => r.Id, (d, r) => new { d.Id, d.Title, d.FileName, r.Kind })
            .FirstOrDefaultAsync(ct);
        if (found is null) return false;
        audit.Record(ObligationAudit.DocumentRemoved, ObligationAudit.EntityType, $"{commune}/{found.Kind}", $"{found.Title} ({found.FileName})");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var removed = await db.CommuneObligationDocuments.Where(d => d.Id == id).ExecuteDeleteAsync(ct);
        if (removed == 0) return false;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private static string Describe(CommuneObligationRecord r) =>
        $"{r.Status.Label()} au {r.AsOf:dd/MM/yyyy}"
        + (r.Since is { } since ? $", depuis le {since:dd/MM/yyyy}" : "")
        + (r.Kind == CommuneObligationKind.MultiYearPlan ? $", {CommuneObligations.PlanItems.Count(i => r.Contents.HasFlag(i))}/8 éléments" : "");
}
