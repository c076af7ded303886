using System.Net;
using Berceau.Data.Grid;
using Berceau.Data.Identity;
using Berceau.Domain.Access;
using Berceau.Domain.Applications;
using Berceau.Domain.Grid;
using Berceau.Domain.Offer;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Features.Commission;

/// <summary>
/// Crèches, applications, staff and sessions built by the commission tests themselves, in Neuilly-Plaisance (93049), a commune no other
/// test uses; each session examines only its own crèches, so tests do not see each other's applications.
/// </summary>
internal static class CommissionTestData
{
    public const string Commune = "93049";
    public const string OtherCommune = "93066";
    public static readonly DateOnly Today = DateOnly.FromDateTime(BerceauApp.Now.UtcDateTime);
    public static readonly DateOnly SeatsFrom = new(2027, 1, 4);

    private static readonly SemaphoreSlim GridLock = new(1, 1);

    /// <summary>The commune's grid (one version from January 2026), published once per app.</summary>
    public static async Task EnsureGridAsync(this BerceauApp app, string commune = Commune)
    {
        await GridLock.WaitAsync();
        try
        {
            await app.WithDbAsync(async db =>
            {
                if (await db.PointsGrids.AnyAsync(g => g.CommuneCode == commune)) return 0;
                db.PointsGrids.Add(StoredGrid.From(new PointsGrid
                {
                    CommuneCode = commune, Version = 1, ValidFrom = new(2026, 1, 1),
                    PerParent = new SituationPoints(Employed: 30, Training: 25, JobSeeker: 20, Insertion: 30, Other: 0),
                    SingleParent = 20, PointsPerMonthWaited = 1, MaxMonthsCounted = 12,
                }, BerceauApp.Now, "test"));
                return await db.SaveChangesAsync();
            });
        }
        finally
        {
            GridLock.Release();
        }
    }

    /// <summary>A crèche of the commune with one « Bébés » section of 10 places; <paramref name="letter"/> orders the names.</summary>
    public static Task<Facility> CrecheAsync(this BerceauApp app, string letter, string commune = Commune) =>
        app.SaveAsync(TestData.Creche(commune, $"Test {letter} {Guid.NewGuid():N}"[..20], "93360", 48.86, 2.51, ("Bébés", 2, 24, 10)));

    /// <summary>
    /// A complete application (through the domain's verbs) for a child born in 2026, with its parents' situations, in the commune
    /// of its first wish (<see cref="Commune"/> without wishes).
    /// </summary>
    public static async Task<Application> CompleteAsync(this BerceauApp app, string childName, DateOnly submittedOn, GuardianSituation[] parents,
        params Facility[] wishes)
    {
        var at = new DateTimeOffset(submittedOn.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        var application = new Application { Reference = $"DEM-T-{Guid.NewGuid():N}"[..20].ToUpperInvariant(), CommuneCode = wishes.FirstOrDefault()?.CommuneCode ?? Commune, CreatedAt = at };
        var request = new ApplicationRequest
        {
            Child = new ChildInput(childName, "Test", new DateOnly(2026, 4, 1), null),
            Guardians = [.. parents.Select((s, i) => new GuardianInput(i == 0 ? "Awa" : "Léo", "Test", s))],
            DesiredStart = SeatsFrom, Days = WeekDays.Weekdays, From = new(8, 0), To = new(17, 0),
            Wishes = [.. wishes.Select(w => new WishInput(w.Id))],
        };
        Assert.True(application.Fill(request, new ApplicationAddress("1 rue Test", "93360", null), consent: true, at).IsSuccess);
        var submitted = application.Submit(new WishChoices(wishes.Select(w => w.Id).ToHashSet(), null), submittedOn, at, "famille");
        Assert.True(submitted.IsSuccess, string.Join(" ", submitted.Problems.Select(p => p.Message)));
        Assert.True(application.Move(ApplicationStatus.Complete, at.AddDays(1), "agent").IsSuccess);
        await app.WithDbAsync(db => { db.Applications.Add(application); return db.SaveChangesAsync(); });
        return application;
    }

    /// <summary>A family account with a confirmed address (no password: the tests read what it is sent); its id.</summary>
    public static Task<string> FamilyAccountAsync(this BerceauApp app) => app.WithDbAsync(async db =>
    {
        var email = $"famille.{Guid.NewGuid():N}@example.org";
        var user = new BerceauUser
        {
            UserName = email, Email = email, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant(),
            EmailConfirmed = true, CreatedAt = BerceauApp.Now, SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    });

    public static async Task<(HttpClient Client, string Email)> StaffAsync(this BerceauApp app, string role, string? commune = Commune, Guid? facility = null)
    {
        var (email, password) = await Accounts.CreateStaffAsync(app, role, commune: commune, facility: facility);
        return (await Accounts.SignInAsync(app, email, password), email);
    }

    /// <summary>A session created by an agent through the page, in the commune of its first crèche; its id.</summary>
    public static async Task<Guid> CreateSessionAsync(this BerceauApp app, HttpClient agent, string president, string[] members, params Facility[] creches)
    {
        var commune = creches.FirstOrDefault()?.CommuneCode ?? Commune;
        var fields = new List<(string, string)>
        {
            ("Input.CommuneCode", commune), ("Input.Title", "Commission d’hiver"), ("Input.FreezeDate", Today.ToString("yyyy-MM-dd")),
            ("Input.MeetingDate", Today.AddDays(8).ToString("yyyy-MM-dd")), ("Input.President", president), ("Input.Members", string.Join("\n", members)),
        };
        fields.AddRange(creches.Select(c => ("Input.Facilities", c.Id.Value.ToString())));
        var response = await Forms.PostFormToAsync(agent, $"/pro/commissions/nouvelle?commune={commune}", "/pro/commissions/nouvelle",
            fields.Select(f => KeyValuePair.Create(f.Item1, f.Item2)));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", await Forms.ErrorSummaryAsync(response)));
        // The agent lands on the review screen when sitting on the session, else on its members page.
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[3]);
    }

    /// <summary>Declares seats for the creches (in name order, one Bébés section each) as <paramref name="client"/>.</summary>
    public static async Task DeclareAsync(HttpClient client, Guid session, params (Facility Creche, int Seats)[] rows)
    {
        var fields = rows.SelectMany((r, i) => new[]
        {
            KeyValuePair.Create($"Seats[{i}].FacilityId", r.Creche.Id.Value.ToString()), KeyValuePair.Create($"Seats[{i}].SectionId", r.Creche.Sections[0].Id.ToString()),
            KeyValuePair.Create($"Seats[{i}].Seats", r.Seats.ToString()), KeyValuePair.Create($"Seats[{i}].AvailableOn", SeatsFrom.ToString("yyyy-MM-dd")),
        });
        var response = await Forms.PostFormAsync(client, $"/pro/commissions/{session}/places", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", await Forms.ErrorSummaryAsync(response)));
    }

    /// <summary>Posts a handler of the review screen (Freeze, Run, Replay, Override, Withdraw, Validate).</summary>
    public static Task<HttpResponseMessage> PostReviewAsync(HttpClient client, Guid session, string handler, params (string Name, string Value)[] fields) =>
        Forms.PostFormToAsync(client, $"/pro/commissions/{session}", $"/pro/commissions/{session}?handler={handler}",
            fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));

    public const string President = Roles.Committee;
}
