using System.Security.Cryptography;
using Berceau.Data.Identity;
using Berceau.Data.Fees;
using Berceau.Data.Seed;
using Berceau.Domain.Access;
using Berceau.Domain.Offer;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Berceau.Data.Accounts;

/// <summary>
/// Seeds the demo territory, the roles and two demo staff accounts (an admin of the territory and the director of
/// one crèche). Their passwords are drawn at random and printed once in the console: never stored in the repository.
/// </summary>
public sealed class DemoSeeding(
    BerceauDbContext db,
    UserManager<BerceauUser> users,
    RoleManager<IdentityRole> roles,
    TimeProvider clock,
    ILogger<DemoSeeding> logger)
{
    public async Task<SeedReport> RunAsync(IReadOnlyList<string> departements, CancellationToken ct = default)
    {
        var report = await DemoTerritorySeeder.SeedAsync(db, DataFiles.DefaultFolder, departements, clock.GetUtcNow(), ct);
        await FeeParameterSeeder.SeedAsync(db, DataFiles.DefaultFolder, ct);
        foreach (var departement in departements)
        {
            await SchemaSeeder.SeedAsync(db, DataFiles.DefaultFolder, departement, clock.GetUtcNow(), ct);
            await GovernanceSeeder.SeedAsync(db, DataFiles.DefaultFolder, departement, clock.GetUtcNow(), ct);
        }
        await NationalCoverageSeeder.SeedAsync(db, DataFiles.DefaultFolder, ct);
        await PracticeSeeder.SeedAsync(db, DataFiles.DefaultFolder, clock.GetUtcNow(), ct);
        await EnsureRolesAsync();
        if (departements.Count > 0)
            await EnsureDemoAccountsAsync(departements[0], ct);
        logger.LogInformation("Territoire de démonstration : {Report}", report);
        return report;
    }

    /// <summary>Every role of <see cref="Roles.All"/> exists; run at each start so that a role added by an update exists in older databases.</summary>
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
        }
    }

    private async Task EnsureDemoAccountsAsync(string departement, CancellationToken ct)
    {
        await EnsureAccountAsync($"admin@demo.berceau.fr", "Administratrice de démonstration", Roles.Admin,
            new UserGrant { UserId = "", DepartementCode = departement });

        var facility = await db.Facilities.AsNoTracking()
            .Where(f => f.CommuneCode.StartsWith(departement) && f.Mode == CareMode.EajeCollectif)
            .OrderBy(f => f.CommuneCode).ThenBy(f => f.Name)
            .Select(f => new { f.Id, f.Name })
            .FirstOrDefaultAsync(ct);
        if (facility is not null)
        {
            await EnsureAccountAsync($"direction@demo.berceau.fr", $"Direction de « {facility.Name} »", Roles.Director,
                new UserGrant { UserId = "", FacilityId = facility.Id.Value });
        }
    }

    private async Task EnsureAccountAsync(string email, string displayName, string role, UserGrant grantTemplate)
    {
        if (await users.FindByEmailAsync(email) is not null) return;
        var password = DrawPassword();
        var user = new BerceauUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
            throw new InvalidOperationException("Création du compte de démonstration impossible : " + string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        db.UserGrants.Add(new UserGrant
        {
            UserId = user.Id,
            DepartementCode = grantTemplate.DepartementCode,
            CommuneCode = grantTemplate.CommuneCode,
            FacilityId = grantTemplate.FacilityId,
        });
        await db.SaveChangesAsync();
        // Printed once, at first start, so that whoever installed the demo can sign in; then only the hash is kept.
        logger.LogWarning("Compte de démonstration « {Role} » : identifiant {Email}, mot de passe {Password} (à changer ; la double authentification sera demandée à la première connexion)",
            Roles.Label(role), email, password);
    }

    /// <summary>
    /// 16 letters and digits without look-alikes, with at least one lower-case letter, which Identity's rules require: a draw
    /// without one (about 1 in 5,800) made the first start fail.
    /// </summary>
    public static string DrawPassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        while (true)
        {
            var password = string.Create(16, 0, (span, _) =>
            {
                for (var i = 0; i < span.Length; i++) span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
            });
            if (password.Any(char.IsAsciiLetterLower)) return password;
        }
    }
}
