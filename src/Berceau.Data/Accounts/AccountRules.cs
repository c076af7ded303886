using Microsoft.AspNetCore.Identity;

namespace Berceau.Data.Accounts;

/// <summary>Password and lockout rules, one definition for the web app and the CLI (which creates the demo accounts too).</summary>
public static class AccountRules
{
    public static void Apply(IdentityOptions o)
    {
        // Length over complexity (ANSSI / NIST guidance): 12 characters, no composition rules.
        o.Password.RequiredLength = 12;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireDigit = false;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.User.RequireUniqueEmail = true;
        // A family account is usable only once its owner proved the address is theirs (e-mails about the child go there);
        // accounts created by an admin are confirmed by the admin.
        o.SignIn.RequireConfirmedEmail = true;
    }
}
