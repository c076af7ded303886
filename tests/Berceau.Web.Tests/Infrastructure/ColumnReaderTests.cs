using Berceau.Data;
using Berceau.Domain.Applications;
using Berceau.Domain.Offer;
using Berceau.Web.Tests.Features.Commission;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;

namespace Berceau.Web.Tests.Infrastructure;

/// <summary>
/// The commission's freeze reads a département's applications column by column (<see cref="ColumnReader"/>), on SQLite in place
/// through SQLite's own API (SqliteStatementReader), on PostgreSQL through Npgsql's reader: each value must be the one EF Core
/// itself reads. An application with every optional value given (accents, a decimal quotient, dates, instants, lists, a family
/// account) and one with none, and their wishes and guardians, read both ways.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class ColumnReaderTests(BerceauApp app)
{
    [Fact]
    public async Task ColumnsReadOneByOne_AreWhatEfCoreReads()
    {
        var (a, b) = (await app.CrecheAsync("CR-A"), await app.CrecheAsync("CR-B"));
        var family = await app.FamilyAccountAsync();
        var at = new DateTimeOffset(2026, 9, 14, 10, 30, 15, 123, TimeSpan.Zero);
        var full = new Application { Reference = Reference(), CommuneCode = CommissionTestData.Commune, CreatedAt = at, FamilyUserId = family };
        var filled = full.Fill(new ApplicationRequest
        {
            Child = new ChildInput("Zoé-Éléonore", "N'Diaye", null, new DateOnly(2026, 12, 20)),
            Guardians = [new GuardianInput("Hélène", "Test", GuardianSituation.Employed), new GuardianInput("Loïc", "Test", GuardianSituation.JobSeeker)],
            DisabledMemberInHousehold = true, ReceivesSocialMinimum = true, SocialSupport = true, QuotientFamilial = 1234.56m,
            SiblingFacilities = [a.Id], PartnerEmployerFacilities = [a.Id, b.Id],
            DesiredStart = new DateOnly(2027, 3, 1), Days = WeekDays.Weekdays, From = new(8, 15), To = new(17, 45),
            Wishes = [new WishInput(b.Id), new WishInput(a.Id)],
        }, new ApplicationAddress("3 rue de l'Église", "93360", null), consent: true, at);
        Assert.True(filled.IsSuccess, string.Join(" ", filled.Problems.Select(p => p.Message)));
        var submitted = full.Submit(new WishChoices(new HashSet<FacilityId> { a.Id, b.Id }, null), CommissionTestData.Today, at.AddMinutes(5), "famille");
        Assert.True(submitted.IsSuccess, string.Join(" ", submitted.Problems.Select(p => p.Message)));
        var empty = new Application { Reference = Reference(), CommuneCode = CommissionTestData.Commune, CreatedAt = at };
        await app.WithDbAsync(db => { db.Applications.AddRange(full, empty); return db.SaveChangesAsync(); });
        ApplicationId[] ids = [full.Id, empty.Id];

        var (read, wishes, guardians) = await app.WithDbAsync(async db =>
        {
            var type = db.Model.FindEntityType(typeof(Application))!;
            var wish = type.FindNavigation(nameof(Application.Wishes))!.TargetEntityType;
            var guardian = type.FindNavigation(nameof(Application.Guardians))!.TargetEntityType;
            var id = ColumnReader.For<ApplicationId>(type.FindProperty(nameof(Application.Id))!);
            IQueryable<Application> Ours() => db.Applications.AsNoTracking().Where(x => ids.Contains(x.Id));
            string[] names = [nameof(Application.Id), nameof(Application.Reference), nameof(Application.FamilyUserId), nameof(Application.Status),
                nameof(Application.Version), nameof(Application.CreatedAt), nameof(Application.SubmittedAt), nameof(Application.ChildFirstName),
                nameof(Application.ChildBirthDate), nameof(Application.ChildExpectedBirthDate), nameof(Application.DisabledMemberInHousehold),
                nameof(Application.QuotientFamilial), nameof(Application.SiblingFacilities), nameof(Application.From), nameof(Application.Days)];
            var columns = names.Select(n => type.FindProperty(n)!).ToList();
            var rows = new List<object?[]>();
            await db.ReadEachAsync(Ours().Select(x => new
            {
                x.Id, x.Reference, x.FamilyUserId, x.Status, x.Version, x.CreatedAt, x.SubmittedAt, x.ChildFirstName, x.ChildBirthDate,
                x.ChildExpectedBirthDate, x.DisabledMemberInHousehold, x.QuotientFamilial, x.SiblingFacilities, x.From, x.Days,
            }), columns, r => rows.Add(
            [
                id(r, 0), ColumnReader.For<string>(columns[1])(r, 1), ColumnReader.For<string?>(columns[2])(r, 2),
                ColumnReader.For<ApplicationStatus>(columns[3])(r, 3), ColumnReader.For<int>(columns[4])(r, 4),
                ColumnReader.For<DateTimeOffset>(columns[5])(r, 5), ColumnReader.For<DateTimeOffset?>(columns[6])(r, 6),
                ColumnReader.For<string?>(columns[7])(r, 7), ColumnReader.For<DateOnly?>(columns[8])(r, 8), ColumnReader.For<DateOnly?>(columns[9])(r, 9),
                ColumnReader.For<bool>(columns[10])(r, 10), ColumnReader.For<decimal?>(columns[11])(r, 11),
                string.Join(",", ColumnReader.For<IReadOnlyList<FacilityId>>(columns[12])(r, 12)), ColumnReader.For<TimeOnly?>(columns[13])(r, 13),
                ColumnReader.For<WeekDays>(columns[14])(r, 14),
            ]), default);
            var wishColumns = new[] { type.FindProperty(nameof(Application.Id))!, wish.FindProperty(nameof(Wish.Rank))!, wish.FindProperty(nameof(Wish.FacilityId))! };
            var wishRows = new List<(ApplicationId, int, FacilityId?)>();
            await db.ReadEachAsync(Ours().SelectMany(x => x.Wishes, (x, w) => new { x.Id, w.Rank, w.FacilityId }), wishColumns,
                r => wishRows.Add((id(r, 0), ColumnReader.For<int>(wishColumns[1])(r, 1), ColumnReader.For<FacilityId?>(wishColumns[2])(r, 2))), default);
            var guardianColumns = new[] { type.FindProperty(nameof(Application.Id))!, guardian.FindProperty(nameof(Guardian.Situation))! };
            var guardianRows = new List<(ApplicationId, GuardianSituation?)>();
            await db.ReadEachAsync(Ours().SelectMany(x => x.Guardians, (x, g) => new { x.Id, g.Situation }), guardianColumns,
                r => guardianRows.Add((id(r, 0), ColumnReader.For<GuardianSituation?>(guardianColumns[1])(r, 1))), default);
            return (rows, wishRows, guardianRows);
        });

        var stored = await app.WithDbAsync(db => db.Applications.AsNoTracking().Where(x => ids.Contains(x.Id)).ToListAsync());
        Assert.Equal(2, read.Count);
        foreach (var expected in stored)
        {
            var row = Assert.Single(read, r => Equals(r[0], expected.Id));
            object?[] columns =
            [
                expected.Id, expected.Reference, expected.FamilyUserId, expected.Status, expected.Version, expected.CreatedAt, expected.SubmittedAt,
                expected.ChildFirstName, expected.ChildBirthDate, expected.ChildExpectedBirthDate, expected.DisabledMemberInHousehold,
                expected.QuotientFamilial, string.Join(",", expected.SiblingFacilities), expected.From, expected.Days,
            ];
            Assert.Equal(columns, row);
            Assert.Equal(expected.Wishes.OrderBy(w => w.Rank).Select(w => (expected.Id, w.Rank, w.FacilityId)),
                wishes.Where(w => w.Item1 == expected.Id).OrderBy(w => w.Item2));
            Assert.Equal(expected.Guardians.OrderBy(g => g.Rank).Select(g => (expected.Id, g.Situation)), guardians.Where(g => g.Item1 == expected.Id));
        }
        // The values given, not only equal on both sides: the in-place reader must not read them all as absent.
        var fullRow = read.Single(r => Equals(r[0], full.Id));
        Assert.Equal((object?)"Zoé-Éléonore", fullRow[7]);
        Assert.Equal((object?)1234.56m, fullRow[11]);
        Assert.Equal((object?)family, fullRow[2]);
        Assert.Equal(2, wishes.Count(w => w.Item1 == full.Id && w.Item3 is not null));
    }

    private static string Reference() => $"DEM-CR-{Guid.NewGuid():N}"[..20].ToUpperInvariant();
}
