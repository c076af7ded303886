using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Berceau.Web.Features.Surveys;

/// <summary>
/// The personal answer link of an invitation, signed by ASP.NET Data Protection (keys in the database, shared by the nodes, as
/// <see cref="Newsletter.NewsletterTokens"/>) so that no secret is stored. It names the invitation and does not expire: the survey's
/// closing day ends it. A link altered, or of another purpose (the journal's), reads as nothing.
/// </summary>
public sealed class SurveyTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector _answer = provider.CreateProtector("Berceau.Surveys.Answer.v1");

    public string Answer(Guid invitation) => _answer.Protect(invitation.ToString("N"));

    public Guid? ReadAnswer(string? code)
    {
        try { return Guid.TryParseExact(_answer.Unprotect(code ?? ""), "N", out var id) ? id : null; }
        catch (CryptographicException) { return null; }
    }
}
