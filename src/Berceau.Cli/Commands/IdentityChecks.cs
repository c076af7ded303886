using Microsoft.AspNetCore.Identity;

namespace Berceau.Cli.Commands;

/// <summary>The bench data commands create accounts through Identity: a refusal stops the command with Identity's reasons.</summary>
internal static class IdentityChecks
{
    public static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
