using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using Berceau.Data;
using Berceau.Data.Identity;
using Berceau.Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Berceau.Web.Tests.Support;

/// <summary>
/// Accounts for tests, and signing in through the real pages (password, then the authenticator code) so that a test
/// gets the cookie a browser would. Every account has a fresh, unique e-mail: tests never share users.
/// </summary>
public static class Accounts
{
    /// <summary>The password of every test account (Identity asks for 12 characters and a lower-case letter).</summary>
    public const string Password = "un mot de passe de test";

    /// <summary>
    /// The authenticator key (base32, 20 bytes) of staff created with two-factor on; <see cref="CurrentCode"/> gives its
    /// code of the moment, e.g. to type it in a browser test.
    /// </summary>
    public const string AuthenticatorKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    /// <summary>
    /// A staff account with <paramref name="role"/>, the given grant (a département, a commune or a facility; any
    /// combination) and two-factor ENABLED with <see cref="AuthenticatorKey"/>, so that it can open /pro and /admin.
    /// </summary>
    public static Task<(string Email, string Password)> CreateStaffAsync(BerceauApp app, string role,
        string? departement = null, string? commune = null, Guid? facility = null) =>
        CreateAsync(app, [role], departement, commune, facility, twoFactor: true);

    /// <summary>Same, with two-factor not set up yet: staff pages send such a user to the set-up page.</summary>
    public static Task<(string Email, string Password)> CreateStaffWithoutTwoFactorAsync(BerceauApp app, string role,
        string? departement = null, string? commune = null, Guid? facility = null) =>
        CreateAsync(app, [role], departement, commune, facility, twoFactor: false);

    /// <summary>A childminder's account attached to their agrément (a facility grant); no two-factor (not staff).</summary>
    public static Task<(string Email, string Password)> CreateChildminderAsync(BerceauApp app, Guid? facility) =>
        CreateAsync(app, [Roles.Childminder], null, null, facility, twoFactor: false);

    /// <summary>A family account with its address already confirmed: role "famille", no territory, no two-factor.</summary>
    public static Task<(string Email, string Password)> CreateFamilyAsync(BerceauApp app) =>
        CreateAsync(app, [Roles.Family], null, null, null, twoFactor: false);

    /// <summary>A new confirmed family, signed in: its client (cookies kept, redirects not followed), e-mail and user id.</summary>
    public static async Task<(HttpClient Client, string Email, string UserId)> SignInAsNewFamilyAsync(BerceauApp app)
    {
        var (email, password) = await CreateFamilyAsync(app);
        var client = await SignInAsync(app, email, password);
        return (client, email, await UserIdAsync(app, email));
    }

    /// <summary>
    /// Signs in through /compte/connexion and, when asked, /compte/connexion/code with the code computed from the
    /// user's authenticator key. Returns a client (cookies kept, redirects not followed) that carries the session.
    /// Throws with the page's error messages if the sign-in does not succeed.
    /// </summary>
    public static async Task<HttpClient> SignInAsync(BerceauApp app, string email, string password)
    {
        var client = Forms.Client(app);
        var response = await Forms.PostFormAsync(client, "/compte/connexion", ("Input.Email", email), ("Input.Password", password));
        await EnsureRedirectAsync(response, "la connexion de " + email);
        if (response.Headers.Location?.OriginalString.StartsWith("/compte/connexion/code", StringComparison.Ordinal) == true)
        {
            var key = await AuthenticatorKeyOfAsync(app, email)
                ?? throw new InvalidOperationException($"{email} n’a pas de clé d’authentification.");
            // Identity checks the code against the system clock, not the app's fake clock.
            response = await Forms.PostFormAsync(client, "/compte/connexion/code", ("Input.Code", TotpCode(key, DateTimeOffset.UtcNow)));
            await EnsureRedirectAsync(response, "le code d’authentification de " + email);
        }
        return client;
    }

    /// <summary>The code an authenticator app shows at <paramref name="at"/> (RFC 6238: HMAC-SHA1, 30 s, 6 digits).</summary>
    public static string TotpCode(string base32Key, DateTimeOffset at)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
        var hash = HMACSHA1.HashData(FromBase32(base32Key), counter);
        var offset = hash[^1] & 0x0f;
        var binary = (hash[offset] & 0x7f) << 24 | hash[offset + 1] << 16 | hash[offset + 2] << 8 | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The code of <see cref="AuthenticatorKey"/> right now.</summary>
    public static string CurrentCode() => TotpCode(AuthenticatorKey, DateTimeOffset.UtcNow);

    public static async Task<string> UserIdAsync(BerceauApp app, string email)
    {
        string? id = null;
        await app.WithScopeAsync(async services =>
            id = (await services.GetRequiredService<UserManager<BerceauUser>>().FindByEmailAsync(email))?.Id);
        return id ?? throw new InvalidOperationException($"Aucun compte {email}.");
    }

    /// <summary>The authenticator key stored for the user (set by <see cref="CreateStaffAsync"/> or by the set-up page).</summary>
    public static async Task<string?> AuthenticatorKeyOfAsync(BerceauApp app, string email)
    {
        string? key = null;
        await app.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<BerceauUser>>();
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"Aucun compte {email}.");
            key = await users.GetAuthenticatorKeyAsync(user);
        });
        return key;
    }

    public static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Trim().TrimEnd('=').Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0) throw new FormatException($"« {c} » n’est pas un caractère base32.");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return [.. bytes];
    }

    private static async Task<(string Email, string Password)> CreateAsync(BerceauApp app, IReadOnlyList<string> roles,
        string? departement, string? commune, Guid? facility, bool twoFactor)
    {
        var email = $"{roles[0].Replace('_', '-')}.{Guid.NewGuid():N}@test.berceau.fr";
        await app.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<BerceauUser>>();
            var db = services.GetRequiredService<BerceauDbContext>();
            var user = new BerceauUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = $"Test {Roles.Label(roles[0])} {email[..8]}",
                CreatedAt = app.Clock.GetUtcNow(),
                LockoutEnabled = true,
            };
            Check(await users.CreateAsync(user, Password), email);
            Check(await users.AddToRolesAsync(user, roles), email);
            if (departement is not null) db.UserGrants.Add(new UserGrant { UserId = user.Id, DepartementCode = departement });
            if (commune is not null) db.UserGrants.Add(new UserGrant { UserId = user.Id, CommuneCode = commune });
            if (facility is not null) db.UserGrants.Add(new UserGrant { UserId = user.Id, FacilityId = facility });
            await db.SaveChangesAsync();
            if (twoFactor)
            {
                var keys = (IUserAuthenticatorKeyStore<BerceauUser>)services.GetRequiredService<IUserStore<BerceauUser>>();
                await keys.SetAuthenticatorKeyAsync(user, AuthenticatorKey, CancellationToken.None);
                Check(await users.UpdateAsync(user), email);
                Check(await users.SetTwoFactorEnabledAsync(user, true), email);
            }
        });
        return (email, Password);
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Compte de test {email} : " + string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    private static async Task EnsureRedirectAsync(HttpResponseMessage response, string step)
    {
        if (response.StatusCode == HttpStatusCode.Redirect) return;
        var errors = await Forms.ErrorSummaryAsync(response);
        throw new InvalidOperationException($"Échec de {step} : {(int)response.StatusCode} {string.Join(" | ", errors)}" + (errors.Count == 0 ? await response.Content.ReadAsStringAsync() : ""));
    }
}
