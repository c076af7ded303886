namespace Berceau.TestIdentityProvider;

/// <summary>
/// Runs the test provider by hand, to try external sign-in on a developer's machine (docs/identity.md):
/// <c>dotnet run --project tests/Berceau.TestIdentityProvider -- http://127.0.0.1:5099 http://localhost:5000</c>
/// starts it on the first address for a Berceau running on the second, with the clients <c>franceconnect-dev</c> and
/// <c>proconnect-dev</c> (secret <c>secret-de-dev</c>) and one person whose login is <c>camille</c>; signing out at
/// <c>/deconnexion</c> there ends the Berceau session too (front-channel logout).
/// </summary>
public static class RunByHand
{
    public static async Task Main(string[] args)
    {
        var url = args.Length > 0 ? args[0] : "http://127.0.0.1:5099";
        var berceau = new Uri(args.Length > 1 ? args[1] : "http://localhost:5000");
        await using var provider = await IdentityProvider.StartAsync(url);
        foreach (var (client, slug) in new[] { ("franceconnect-dev", "franceconnect"), ("proconnect-dev", "proconnect") })
            await provider.RegisterClientAsync(client, "secret-de-dev", new Uri(berceau, "/signin-" + slug), new Uri(berceau, "/signout-callback-" + slug),
                new Uri(berceau, "/signout-" + slug));
        provider.AddPerson(new TestPerson("camille", "sub-camille", "camille.martin@exemple.fr", "Camille", "Martin", ["pwd", "mfa"]));
        Console.WriteLine($"Fournisseur d’identité de test sur {provider.Authority} (Ctrl+C pour arrêter).");
        await provider.WaitForShutdownAsync();
    }
}
