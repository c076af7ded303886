namespace Berceau.TestIdentityProvider;

/// <summary>
/// Someone who can "log in" at the test provider by typing <paramref name="Login"/>. Their claims are what FranceConnect
/// or ProConnect would send: <c>sub</c>, e-mail, names (ProConnect calls the family name <c>usual_name</c>, the provider
/// sends both), and the authentication methods (<c>amr</c>: <c>["pwd"]</c>, or <c>["pwd", "mfa"]</c> for a second factor).
/// </summary>
public sealed record TestPerson(
    string Login,
    string Subject,
    string Email,
    string GivenName,
    string FamilyName,
    IReadOnlyList<string> Amr,
    bool EmailVerified = true)
{
    /// <summary>A new person with unique login, subject and e-mail (under <paramref name="domain"/>).</summary>
    public static TestPerson Unique(string domain = "test.berceau.fr", bool mfa = false, string? email = null)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        return new TestPerson("personne-" + id, "sub-" + Guid.NewGuid().ToString("N"), email ?? $"externe.{id}@{domain}",
            "Camille", "Test-" + id, mfa ? ["pwd", "mfa"] : ["pwd"]);
    }
}
