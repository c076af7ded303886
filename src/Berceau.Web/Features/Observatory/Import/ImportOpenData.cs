using System.Text;
using Berceau.Data;
using Berceau.Data.Import;
using Berceau.Domain.Common;
using Berceau.Web.Infrastructure;

namespace Berceau.Web.Features.Observatory.Import;

/// <summary>The files the observatory imports.</summary>
public enum OpenDataFileKind { Cnaf, Naissances, CnafFrance }

/// <summary>
/// Imports an uploaded Cnaf or INSEE file (<see cref="ObservatoryImport"/>: all-or-nothing, idempotent). The upload is
/// checked first (a .csv, at most <see cref="MaxMegabytes"/> Mo, UTF-8); a wrong line answers with its line, column and
/// reason, and nothing is written. Audited with the file name and the counts.
/// </summary>
public sealed class ImportOpenData(BerceauDbContext db, AuditLog audit)
{
    public const int MaxMegabytes = 10;
    public const long MaxBytes = MaxMegabytes * 1024L * 1024L;

    public async Task<Outcome<ObservatoryImportReport>> ImportAsync(string? kind, IFormFile? upload, CancellationToken ct)
    {
        var problems = new List<Problem>();
        if (!Enum.TryParse<OpenDataFileKind>(kind, ignoreCase: true, out var fileKind) || !Enum.IsDefined(fileKind))
            problems.Add(Problem.Of("obs-kind-required", "Kind"));
        if (upload is null || upload.Length == 0)
            problems.Add(Problem.Of("obs-file-required", "Upload"));
        else if (!string.Equals(Path.GetExtension(upload.FileName), ".csv", StringComparison.OrdinalIgnoreCase))
            problems.Add(Problem.Of("obs-file-type", "Upload"));
        else if (upload.Length > MaxBytes)
            problems.Add(Problem.Of("obs-file-too-large", "Upload", MaxMegabytes));
        if (problems.Count > 0)
            return Outcome<ObservatoryImportReport>.Failure(problems);

        string text;
        try
        {
            await using var stream = upload!.OpenReadStream();
            using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true));
            text = await reader.ReadToEndAsync(ct);
        }
        catch (DecoderFallbackException)
        {
            return Problem.Of("obs-file-encoding", "Upload");
        }

        var fileName = Path.GetFileName(upload.FileName);
        try
        {
            var csv = CsvFile.Parse(fileName, text);
            // Recorded first so that the audit line is saved by the import's own SaveChanges, in its transaction.
            audit.Record("import-observatoire", "OpenDataFile", fileKind.ToString().ToLowerInvariant(), fileName);
            var report = fileKind switch
            {
                OpenDataFileKind.Cnaf => await ObservatoryImport.CnafAsync(db, csv, ct),
                OpenDataFileKind.CnafFrance => await ObservatoryImport.CnafFranceAsync(db, csv, ct),
                _ => await ObservatoryImport.InseeAsync(db, csv, ct),
            };
            return report;
        }
        catch (ImportException e)
        {
            db.ChangeTracker.Clear();
            return new Problem("import-line", "Upload", "Import refusé, rien n’a été enregistré. " + e.Message);
        }
    }
}
