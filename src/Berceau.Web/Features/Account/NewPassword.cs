using Berceau.Data.Identity;
using Berceau.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace Berceau.Web.Features.Account;

/// <summary>The password check of every form that creates an account (family registration, childminder accounts).</summary>
public static class NewPassword
{
    /// <summary>
    /// Identity's own rules (length…), with the French describer's messages, checked before anything is created; then the
    /// confirmation. Problems name <paramref name="passwordField"/> and <paramref name="confirmField"/>.
    /// </summary>
    public static async Task<List<Problem>> ProblemsAsync(UserManager<BerceauUser> users, string email, string? password, string? confirmation,
        string passwordField, string confirmField)
    {
        if (string.IsNullOrEmpty(password)) return [Problem.Of("registration-password-required", passwordField)];
        var problems = new List<Problem>();
        var candidate = new BerceauUser { UserName = email, Email = email };
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, candidate, password);
            problems.AddRange(result.Errors.Select(e => new Problem(e.Code, passwordField, e.Description)));
        }
        if (password != confirmation) problems.Add(Problem.Of("password-confirmation-mismatch", confirmField));
        return problems;
    }
}
