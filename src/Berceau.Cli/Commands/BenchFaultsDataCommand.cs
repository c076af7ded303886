using System.CommandLine;
using Berceau.Data;
using Berceau.Data.Accounts;
using Berceau.Data.Identity;
using Berceau.Domain.Access;
using Berceau.Domain.OccasionalCare;
using Berceau.Domain.Offer;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Berceau.Cli.Commands.IdentityChecks;

namespace Berceau.Cli.Commands;

/// <summary>
/// `berceau bench-faults-data` (hidden, for bench/faults.sh): what the fault test's traffic needs besides the demo 93. In
/// Montreuil, a crèche open to occasional care with <c>--slots</c> half-day slots of <c>--places</c> places on the next working
/// days, and <c>--families</c> family accounts (password, no second factor), each with a child whose occasional-care file is
/// complete. Few places for many families: the bookings compete for the last places, which is what the test checks. Prints one
/// line per family (`family EMAIL CHILD`) and per slot (`slot ID`).
/// </summary>
internal static class BenchFaultsDataCommand
{
    public const string Commune = "93048";

    public static Command Create()
    {
        var families = new Option<int>("--families") { DefaultValueFactory = _ => 40 };
        var slots = new Option<int>("--slots") { DefaultValueFactory = _ => 20 };
        var places = new Option<int>("--places") { DefaultValueFactory = _ => 3 };
        var connection = new Option<string>("--connection") { Required = true };
        var provider = new Option<string>("--provider") { DefaultValueFactory = _ => "sqlite" };
        var command = new Command("bench-faults-data", "Données d’essai du test de pannes (bench/faults.sh)") { families, slots, places, connection, provider };
        command.Hidden = true;
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliServices.Build(parse.GetValue(provider), parse.GetValue(connection));
            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<BerceauDbContext>().Database.MigrateAsync(ct);
                await scope.ServiceProvider.GetRequiredService<DemoSeeding>().RunAsync(["93"], ct);
            }
            var now = DateTimeOffset.UtcNow;
            foreach (var slot in await SlotsAsync(services, parse.GetValue(slots), parse.GetValue(places), now, ct))
                Console.WriteLine($"slot {slot}");
            for (var i = 0; i < parse.GetValue(families); i++)
            {
                var (email, child) = await FamilyAsync(services, i, now, ct);
                Console.WriteLine($"family {email} {child}");
            }
            return 0;
        });
        return command;
    }

    private static async Task<List<Guid>> SlotsAsync(ServiceProvider services, int count, int places, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BerceauDbContext>();
        var facility = new Facility
        {
            Name = "Crèche du banc de pannes", Mode = CareMode.EajeCollectif, ManagerType = ManagerType.Municipal, CommuneCode = Commune,
            Street = "1 rue du Banc", PostalCode = "93100", Latitude = 48.86, Longitude = 2.44, IsPsu = true,
            ReceptionTypes = ReceptionTypes.Regular | ReceptionTypes.Occasional,
        };
        var section = new Section { Name = "Tous âges", MinAgeMonths = 2, MaxAgeMonths = 36, Places = 30 };
        facility.Sections.Add(section);
        db.Facilities.Add(facility);
        var ids = new List<Guid>();
        // From the day after tomorrow (every slot starts in the future whatever the time zone), working days, morning then afternoon.
        for (var day = DateOnly.FromDateTime(now.UtcDateTime).AddDays(2); ids.Count < count; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
            foreach (var half in new[] { HalfDay.Morning, HalfDay.Afternoon }.Take(count - ids.Count))
            {
                var slot = new OccasionalSlot
                {
                    FacilityId = facility.Id, SectionId = section.Id, CommuneCode = Commune, Day = day, HalfDay = half,
                    StartsAt = half == HalfDay.Morning ? new TimeOnly(8, 30) : new TimeOnly(13, 30),
                    EndsAt = half == HalfDay.Morning ? new TimeOnly(12, 0) : new TimeOnly(17, 30),
                    Places = places, MinAgeMonths = section.MinAgeMonths, MaxAgeMonths = section.MaxAgeMonths, Origin = SlotOrigin.FreeSeat,
                    PublishedAt = now, PublishedBy = "banc de pannes",
                };
                db.OccasionalSlots.Add(slot);
                ids.Add(slot.Id);
            }
        }
        await db.SaveChangesAsync(ct);
        return ids;
    }

    private static async Task<(string Email, Guid Child)> FamilyAsync(ServiceProvider services, int i, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BerceauUser>>();
        var db = scope.ServiceProvider.GetRequiredService<BerceauDbContext>();
        var email = $"famille.pannes.{i}@banc.berceau.test";
        var user = new BerceauUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = now, LockoutEnabled = true };
        Check(await users.CreateAsync(user, BenchCommissionDataCommand.Password));
        Check(await users.AddToRoleAsync(user, Roles.Family));
        var child = new OccasionalChild
        {
            FamilyUserId = user.Id, CommuneCode = Commune, ChildFirstName = "Lou", ChildLastName = "Pannes",
            ChildBirthDate = DateOnly.FromDateTime(now.UtcDateTime).AddMonths(-14), AnnualResources = 30_000 + 1_000 * i, ChildrenInHousehold = 1,
            ConsentAt = now, CreatedAt = now,
        };
        child.MarkComplete("banc de pannes", now);
        db.OccasionalChildren.Add(child);
        await db.SaveChangesAsync(ct);
        return (email, child.Id);
    }
}
