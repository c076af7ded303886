using System.CommandLine;
using Berceau.Data;
using Berceau.Data.Accounts;
using Berceau.Data.Grid;
using Berceau.Data.Identity;
using Berceau.Domain.Access;
using Berceau.Domain.Applications;
using Berceau.Domain.Commission;
using Berceau.Domain.Grid;
using Berceau.Domain.Offer;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Berceau.Cli.Commands.IdentityChecks;

namespace Berceau.Cli.Commands;

/// <summary>
/// `berceau bench-commission-data` (hidden, for bench/commission.sh): a département-sized commission to time. Seeds the demo 93,
/// then in each of <c>--sessions</c> communes adds <c>--structures</c> crèches (two sections each), <c>--applications</c> complete
/// applications with 6 wishes each (through the application's own verbs, so they are what the guichet would have saved), a
/// published points grid, and a session in preparation with seats declared. One commune per session: a freeze moves the
/// commune's applications to « en commission », so each timed repetition needs its own. Seeded: the same options give the same
/// data. Prints the staff account (agent and commission member, two-factor key) and the session ids.
/// </summary>
internal static class BenchCommissionDataCommand
{
    public const string Password = "mot de passe du banc d’essai";
    public const string AuthenticatorKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private const int Batch = 2_000;

    public static Command Create()
    {
        var applications = new Option<int>("--applications") { DefaultValueFactory = _ => 30_000 };
        var structures = new Option<int>("--structures") { DefaultValueFactory = _ => 1_000 };
        var sessions = new Option<int>("--sessions") { DefaultValueFactory = _ => 3 };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var connection = new Option<string>("--connection") { Required = true };
        var provider = new Option<string?>("--provider") { Description = "sqlite (défaut) ou postgres" };
        var command = new Command("bench-commission-data", "Données d’essai de performance de la commission (bench/commission.sh)")
        {
            applications, structures, sessions, seed, connection, provider,
        };
        command.Hidden = true;
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliServices.Build(parse.GetValue(provider), parse.GetValue(connection));
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<BerceauDbContext>();
                await db.Database.MigrateAsync(ct);
                await scope.ServiceProvider.GetRequiredService<DemoSeeding>().RunAsync(["93"], ct);
            }
            var staffId = await StaffAsync(services, ct);
            Console.WriteLine($"staff {StaffEmail} {Password.Replace(' ', '+')} {AuthenticatorKey}");

            List<string> communes;
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<BerceauDbContext>();
                // The most populous communes of the 93, as a département's largest commissions would be.
                communes = await db.Communes.AsNoTracking().Where(c => c.DepartementCode == "93").OrderByDescending(c => c.Population)
                    .Select(c => c.Code).Take(parse.GetValue(sessions)).ToListAsync(ct);
            }
            for (var i = 0; i < communes.Count; i++)
            {
                var random = new Random(parse.GetValue(seed) * 1_000 + i);
                var id = await CommuneAsync(services, communes[i], staffId, parse.GetValue(structures), parse.GetValue(applications), random, ct);
                Console.WriteLine($"session {id} {communes[i]}");
            }
            return 0;
        });
        return command;
    }

    private const string StaffEmail = "banc.commission@demo.berceau.fr";

    private static async Task<string> StaffAsync(ServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BerceauUser>>();
        var db = scope.ServiceProvider.GetRequiredService<BerceauDbContext>();
        if (await users.FindByEmailAsync(StaffEmail) is { } existing) return existing.Id;
        var user = new BerceauUser
        {
            UserName = StaffEmail, Email = StaffEmail, EmailConfirmed = true, DisplayName = "Banc d’essai commission",
            CreatedAt = DateTimeOffset.UtcNow, LockoutEnabled = true,
        };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRolesAsync(user, [Roles.Agent, Roles.Committee]));
        db.UserGrants.Add(new UserGrant { UserId = user.Id, DepartementCode = "93" });
        await db.SaveChangesAsync(ct);
        var keys = (IUserAuthenticatorKeyStore<BerceauUser>)scope.ServiceProvider.GetRequiredService<IUserStore<BerceauUser>>();
        await keys.SetAuthenticatorKeyAsync(user, AuthenticatorKey, ct);
        Check(await users.UpdateAsync(user));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        return user.Id;
    }

    private static async Task<Guid> CommuneAsync(ServiceProvider services, string commune, string staffId, int structureCount,
        int applicationCount, Random random, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var seatsFrom = new DateOnly(today.Year + 1, 1, 4);
        var creches = new List<Facility>();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BerceauDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = 0; i < structureCount; i++)
            {
                var facility = new Facility
                {
                    Name = $"Crèche d’essai {commune}-{i + 1:D4}", Mode = CareMode.EajeCollectif, ManagerType = ManagerType.Municipal,
                    CommuneCode = commune, Street = $"{i + 1} rue de l’Essai", PostalCode = "93000",
                    Latitude = 48.9 + random.NextDouble() / 100, Longitude = 2.4 + random.NextDouble() / 100, IsPsu = true,
                };
                facility.Sections.Add(new Section { Name = "Bébés", MinAgeMonths = 2, MaxAgeMonths = 18, Places = 20 });
                facility.Sections.Add(new Section { Name = "Grands", MinAgeMonths = 18, MaxAgeMonths = 36, Places = 30 });
                creches.Add(facility);
                db.Facilities.Add(facility);
            }
            // The demo may already publish a grid for the commune: it is then the one in force.
            if (!await db.PointsGrids.AnyAsync(g => g.CommuneCode == commune, ct))
                db.PointsGrids.Add(StoredGrid.From(new PointsGrid
            {
                CommuneCode = commune, Version = 1, ValidFrom = new(today.Year, 1, 1),
                PerParent = new SituationPoints(Employed: 30, Training: 25, JobSeeker: 20, Insertion: 30, Other: 0),
                SingleParent = 20, PointsPerMonthWaited = 1, MaxMonthsCounted = 12,
            }, now, staffId));
            await db.SaveChangesAsync(ct);
        }

        var choices = new WishChoices(creches.Select(c => c.Id).ToHashSet(), null);
        var situations = Enum.GetValues<GuardianSituation>();
        for (var start = 0; start < applicationCount; start += Batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BerceauDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var n = start; n < Math.Min(applicationCount, start + Batch); n++)
            {
                var submittedOn = today.AddDays(-random.Next(1, 330));
                // Born before the application, at least 10 weeks before the seats are free, under 3 years old then.
                var latest = submittedOn < seatsFrom.AddDays(-75) ? submittedOn : seatsFrom.AddDays(-75);
                var birth = latest.AddDays(-random.Next(0, 600));
                var at = new DateTimeOffset(submittedOn.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero).AddSeconds(random.Next(0, 36_000));
                var family = new BerceauUser
                {
                    UserName = $"famille.{commune}.{n}@essai.berceau.fr", Email = $"famille.{commune}.{n}@essai.berceau.fr", EmailConfirmed = true,
                    CreatedAt = at, SecurityStamp = Guid.NewGuid().ToString("N"),
                };
                family.NormalizedEmail = family.NormalizedUserName = family.Email.ToUpperInvariant();
                db.Users.Add(family);
                var wishes = new HashSet<int>();
                while (wishes.Count < 6) wishes.Add(random.Next(creches.Count));
                var application = new Application
                {
                    Reference = $"DEM-{commune}-{today.Year}-{n + 1:D6}", CommuneCode = commune, CreatedAt = at, FamilyUserId = family.Id,
                };
                var parents = random.Next(4) == 0 ? 1 : 2;
                var request = new ApplicationRequest
                {
                    Child = new ChildInput(FirstNames[random.Next(FirstNames.Length)], Letters(n), birth, null),
                    Guardians = [.. Enumerable.Range(0, parents).Select(i => new GuardianInput(i == 0 ? "Awa" : "Léo", "Essai", situations[random.Next(situations.Length)]))],
                    DesiredStart = seatsFrom, Days = WeekDays.Weekdays, From = new(8, 0), To = new(17, 0),
                    Wishes = [.. wishes.Select(w => new WishInput(creches[w].Id))],
                };
                Require(application.Fill(request, new ApplicationAddress("1 rue de l’Essai", "93000", null), consent: true, at), application);
                Require(application.Submit(choices, submittedOn, at, family.Id), application);
                // Made complete the next day, and never after now: a freeze refuses to date its move before the last one.
                Require(application.Move(ApplicationStatus.Complete, Earlier(at.AddDays(1), now), staffId), application);
                ConfirmEveryThreeMonths(application, submittedOn, today, now, family.Id, random);
                db.Applications.Add(application);
            }
            await db.SaveChangesAsync(ct);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BerceauDbContext>();
            var session = CommissionSession.Create(new CommissionSessionDraft(commune, [], $"Commission d’essai {commune}", today.AddDays(8), today),
                now, staffId).Value;
            Require(session.SetMembers([new CommissionMember(staffId, CommissionRole.President)]), session);
            foreach (var creche in creches)
            foreach (var section in creche.Sections)
                Require(session.DeclareSeats(creche, section.Id, random.Next(2, 8), seatsFrom, today, now, staffId), session);
            db.CommissionSessions.Add(session);
            await db.SaveChangesAsync(ct);
            return session.Id.Value;
        }
    }

    /// <summary>
    /// The family confirms its application each time it is due (a few days late at most), as the guichet requires: without it,
    /// an application submitted months ago is overdue, and the app's confirmation job warns (and later lapses) it on startup,
    /// one application at a time, while the bench freezes the session. Each warning moves the application's version, so the
    /// freeze, which loaded the applications before, was refused as a concurrent change.
    /// </summary>
    private static void ConfirmEveryThreeMonths(Application application, DateOnly submittedOn, DateOnly today, DateTimeOffset now, string familyId,
        Random random)
    {
        for (var due = ConfirmationSchedule.DueOn(submittedOn); due <= today; due = ConfirmationSchedule.DueOn(application.LastConfirmedOn!.Value))
        {
            var on = due.AddDays(random.Next(0, ConfirmationSchedule.WarningAfterDays));
            if (on > today) on = today;
            Require(application.Confirm(on, Earlier(new DateTimeOffset(on.ToDateTime(new TimeOnly(19, 0)), TimeSpan.Zero), now), familyId), application);
        }
    }

    /// <summary>
    /// An instant of the generated history, never after <paramref name="now"/>: generated in the morning, an application submitted
    /// yesterday afternoon would otherwise become complete later today, and the freeze (which checks each move as
    /// <see cref="Application.Move"/> does) refuses a move dated before the previous one.
    /// </summary>
    private static DateTimeOffset Earlier(DateTimeOffset at, DateTimeOffset now) => at < now ? at : now;

    private static readonly string[] FirstNames =
        ["Inès", "Adam", "Jade", "Mohamed", "Louise", "Gabriel", "Aya", "Léo", "Fatoumata", "Noé", "Lina", "Ibrahim", "Emma", "Yanis", "Chloé", "Moussa"];

    /// <summary>A family name made of letters only (names are checked): the application number in base 26.</summary>
    private static string Letters(int n)
    {
        var letters = "";
        do { letters = (char)('a' + n % 26) + letters; n /= 26; } while (n > 0);
        return "Essai-" + letters;
    }

    private static void Require<T>(Berceau.Domain.Common.Outcome<T> outcome, object what)
    {
        if (!outcome.IsSuccess)
            throw new InvalidOperationException($"{what}: " + string.Join(" ", outcome.Problems.Select(p => $"{p.Code} {p.Field} {p.Message}")));
    }
}
