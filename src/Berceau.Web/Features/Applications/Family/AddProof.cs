using Berceau.Data;
using Berceau.Domain.Applications;
using Berceau.Domain.Common;
using Berceau.Web.Infrastructure;

namespace Berceau.Web.Features.Applications.Family;

/// <summary>
/// Stores a pièce justificative in the database. The type is read from the file's first bytes, never from its name or
/// the browser's claim, and the file is read only up to the size limit plus one byte, so a huge upload costs little.
/// </summary>
public sealed class AddProof(BerceauDbContext db, FamilyApplicationQueries queries, AuditLog audit)
{
    public async Task<Outcome<Guid>> AddAsync(Application application, string? kindText, IFormFile? file, CancellationToken ct)
    {
        var problems = new List<Problem>();
        ProofKind? kind = Enum.TryParse<ProofKind>(kindText, out var k) && Enum.IsDefined(k) ? k : null;
        if (kind is null) problems.Add(Problem.Of("proof-kind-missing", "Kind"));
        byte[]? content = null;
        string? contentType = null;
        if (file is null) problems.Add(Problem.Of("proof-missing", "Upload"));
        else if (file.Length > Proofs.MaxBytes) problems.Add(Problem.Of("proof-too-large", "Upload", Proofs.MaxBytes / 1024 / 1024));
        else
        {
            content = await Uploads.ReadLimitedAsync(file, Proofs.MaxBytes, ct);
            var type = Proofs.ContentTypeOf(content, "Upload");
            if (type.IsSuccess) contentType = type.Value;
            else problems.AddRange(type.Problems);
        }
        if (problems.Count > 0) return Outcome<Guid>.Failure(problems);

        var added = application.AddProof(kind!.Value, queries.Now, queries.UserId);
        if (!added.IsSuccess) return Outcome<Guid>.Failure(added.Problems);
        var document = new ApplicationDocument
        {
            ApplicationId = application.Id,
            Kind = kind.Value,
            FileName = Proofs.SafeFileName(file!.FileName, contentType!),
            ContentType = contentType!,
            Size = content!.Length,
            Content = content,
            UploadedAt = queries.Now,
            UploadedBy = queries.UserId,
        };
        db.ApplicationDocuments.Add(document);
        audit.Record(ApplicationAudit.ProofAdded, ApplicationAudit.EntityType, application.Id.ToString(), $"{kind.Value.Label()} ({document.Size} octets, {contentType})");
        return await ApplicationSave.SaveAsync(db, document.Id, ct);
    }
}
