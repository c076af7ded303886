using Berceau.Domain.Common;

namespace Berceau.Domain.Applications;

/// <summary>The kinds of pièces justificatives a guichet unique asks for.</summary>
public enum ProofKind { Address, BirthOrPregnancy, Income, Situation, Disability, QuotientFamilial, SocialSupport, PartnerEmployer, SocialMinimum, Other }

public static class Proofs
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxFileNameLength = 200;

    public static string Label(this ProofKind kind) => kind switch
    {
        ProofKind.Address => "Justificatif de domicile de moins de 3 mois",
        ProofKind.BirthOrPregnancy => "Acte de naissance ou livret de famille (certificat de grossesse avant la naissance)",
        ProofKind.Income => "Avis d’imposition de l’année N-2",
        ProofKind.Situation => "Justificatif de la situation des parents (contrat, attestation de formation, de Pôle emploi / France Travail…)",
        ProofKind.Disability => "Justificatif de handicap (notification MDPH ou AEEH)",
        ProofKind.QuotientFamilial => "Attestation de quotient familial de la CAF",
        ProofKind.SocialSupport => "Courrier de la PMI ou du service social qui soutient la demande",
        ProofKind.PartnerEmployer => "Attestation de l’employeur partenaire de la crèche",
        ProofKind.SocialMinimum => "Attestation de la CAF, de la MSA ou de France Travail pour le minimum social (RSA, AAH, ASS…)",
        ProofKind.Other => "Autre document",
        _ => kind.ToString(),
    };

    /// <summary>
    /// What the guichet needs to check this application: the address and the child always; the tax notice only when
    /// there is no CAF number (the agent then reads resources from the CAF); the parents' situation when a situation
    /// gives points; the disability when the household declares one (RULES §7: "yes" plus a proof, nothing more); the minimum
    /// social benefit when declared (it gives a place of the poverty reserve at the commission); and what the
    /// grid's answers claim: the quotient familial (unless the CAF number lets the agent read it from the CAF), the support
    /// of the PMI or a social service, a parent's partner employer. A sibling needs none: the crèche knows its children.
    /// </summary>
    public static IReadOnlyList<ProofKind> Required(Application application)
    {
        var kinds = new List<ProofKind> { ProofKind.Address, ProofKind.BirthOrPregnancy };
        if (application.CafNumber is null) kinds.Add(ProofKind.Income);
        if (application.Guardians.Exists(g => g.Situation is not null and not GuardianSituation.Other)) kinds.Add(ProofKind.Situation);
        if (application.DisabledMemberInHousehold) kinds.Add(ProofKind.Disability);
        if (application.ReceivesSocialMinimum) kinds.Add(ProofKind.SocialMinimum);
        if (application.QuotientFamilial is not null && application.CafNumber is null) kinds.Add(ProofKind.QuotientFamilial);
        if (application.SocialSupport) kinds.Add(ProofKind.SocialSupport);
        if (application.PartnerEmployerFacilities.Count > 0) kinds.Add(ProofKind.PartnerEmployer);
        return kinds;
    }

    /// <summary>What is still to give: a rejected proof does not count (the family sees it missing, with the reason).</summary>
    public static IReadOnlyList<ProofKind> Missing(Application application, IEnumerable<ProofKind> given)
    {
        var have = given.ToHashSet();
        return [.. Required(application).Where(k => !have.Contains(k))];
    }

    /// <summary>
    /// The file's real type, read from its first bytes (never from its name or the browser's claim), or a problem:
    /// an executable renamed "x.pdf" is refused here.
    /// </summary>
    public static Outcome<string> ContentTypeOf(ReadOnlySpan<byte> content, string field)
    {
        if (content.Length == 0) return Problem.Of("proof-empty", field);
        if (content.Length > MaxBytes) return Problem.Of("proof-too-large", field, MaxBytes / 1024 / 1024);
        if (content.StartsWith("%PDF-"u8)) return "application/pdf";
        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        return Problem.Of("proof-type", field);
    }

    /// <summary>
    /// The name shown back and given to the download: no folders (whichever separator the sender's system uses), no control
    /// characters, not too long, and ending with the extension of what the file IS (<paramref name="contentType"/>, read from
    /// its bytes): a PDF sent as "facture.pdf.exe" or "page.html" is downloaded as "facture.pdf.exe.pdf" or "page.html.pdf",
    /// so that no program but a PDF reader ever opens it.
    /// </summary>
    public static string SafeFileName(string? name, string contentType)
    {
        var extension = contentType switch { "application/pdf" => ".pdf", "image/png" => ".png", _ => ".jpg" };
        var file = (name ?? "").Split('/', '\\')[^1].Trim();
        file = new string([.. file.Where(c => !char.IsControl(c))]).Trim();
        if (file.Length == 0) return "piece" + extension;
        var fits = file.EndsWith(extension, StringComparison.OrdinalIgnoreCase)
            || (extension == ".jpg" && file.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase));
        if (!fits) file += extension;
        return file.Length > MaxFileNameLength ? file[^MaxFileNameLength..] : file;
    }
}

/// <summary>
/// A pièce justificative, stored in the database (not on a disk) so that every web node serves it and backups hold it.
/// Separate from <see cref="Application"/> so that reading an application never loads files.
/// </summary>
public sealed class ApplicationDocument
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public ApplicationId ApplicationId { get; init; }
    public ProofKind Kind { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public int Size { get; init; }
    public required byte[] Content { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
    public required string UploadedBy { get; init; }
    public ProofReview Review { get; private set; } = ProofReview.Pending;
    /// <summary>Why the guichet rejected it, shown to the family next to the proof asked again.</summary>
    public string? RejectionReason { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public string? ReviewedBy { get; private set; }

    /// <summary>Called by <see cref="Application.ReviewProof"/> only, which checks the status and counts the change.</summary>
    internal void SetReview(ProofReview review, string? reason, DateTimeOffset at, string by)
    {
        Review = review;
        RejectionReason = reason;
        ReviewedAt = at;
        ReviewedBy = by;
    }
}

/// <summary>Where the guichet's check of a proof stands.</summary>
public enum ProofReview { Pending, Validated, Rejected }
