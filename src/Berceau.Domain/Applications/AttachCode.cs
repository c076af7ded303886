using System.Security.Cryptography;
using System.Text;

namespace Berceau.Domain.Applications;

/// <summary>
/// The one-time code that gives a counter application to the family's account. Only its hash is stored: whoever reads
/// the database cannot use a pending code. 16 characters from 32 give 80 bits, which nobody guesses, even without the
/// rate limit; the code also expires and works once.
/// </summary>
public sealed class AttachCode
{
    public const int Length = 16;
    public const int ValidDays = 30;
    /// <summary>No 0/O, 1/I/L: the code is read from paper and typed by hand.</summary>
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public Guid Id { get; init; } = Guid.NewGuid();
    public ApplicationId ApplicationId { get; init; }
    public required string Hash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? UsedAt { get; private set; }
    /// <summary>A newer code replaces this one (the family lost the paper): the old one no longer works.</summary>
    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>A new code for the application: the code to hand over (shown once) and what is stored.</summary>
    public static (string Code, AttachCode Stored) Issue(ApplicationId application, DateTimeOffset at, string by)
    {
        var chars = new char[Length];
        for (var i = 0; i < Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        var code = new string(chars);
        return (Display(code), new AttachCode
        {
            ApplicationId = application, Hash = HashOf(code), CreatedAt = at, CreatedBy = by, ExpiresAt = at.AddDays(ValidDays),
        });
    }

    /// <summary>XXXX-XXXX-XXXX-XXXX, easier to read out and copy.</summary>
    public static string Display(string code) => string.Join("-", Enumerable.Range(0, code.Length / 4).Select(i => code.Substring(i * 4, 4)));

    /// <summary>The code as typed, without spaces or dashes, in capitals; null when it cannot be a code.</summary>
    public static string? Normalise(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        var code = new string([.. typed.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant)]);
        return code.Length == Length && code.All(Alphabet.Contains) ? code : null;
    }

    /// <summary>SHA-256 is enough without salt or stretching: the code has 80 random bits, it is not a password.</summary>
    public static string HashOf(string normalisedCode) => Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(normalisedCode)));

    public bool IsUsable(DateTimeOffset now) => UsedAt is null && RevokedAt is null && now < ExpiresAt;

    public void Use(DateTimeOffset at) => UsedAt = at;

    public void Revoke(DateTimeOffset at) => RevokedAt ??= at;
}
