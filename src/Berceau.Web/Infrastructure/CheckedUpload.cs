using Berceau.Domain.Applications;
using Berceau.Domain.Common;

namespace Berceau.Web.Infrastructure;

/// <summary>
/// An uploaded PDF, JPEG or PNG, read and checked as the families' proofs are: present, not empty, at most
/// <see cref="Proofs.MaxBytes"/> (read only up to that size plus one byte, so a huge upload costs little), and of a type read from
/// its first bytes, never from its name or the browser's claim.
/// </summary>
public static class CheckedUpload
{
    public static async Task<Outcome<(byte[] Content, string ContentType)>> ReadAsync(IFormFile? file, string field, CancellationToken ct)
    {
        if (file is null) return Problem.Of("proof-missing", field);
        if (file.Length > Proofs.MaxBytes) return Problem.Of("proof-too-large", field, Proofs.MaxBytes / 1024 / 1024);
        var content = await Uploads.ReadLimitedAsync(file, Proofs.MaxBytes, ct);
        var type = Proofs.ContentTypeOf(content, field);
        return type.IsSuccess ? (content, type.Value) : Outcome<(byte[], string)>.Failure(type.Problems);
    }
}
