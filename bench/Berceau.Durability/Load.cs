using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace Berceau.Durability;

/// <summary>
/// The mixed traffic of bench/faults.sh, for a fixed time, through the load balancer: half searches (the portal's search page and
/// the open-data API), a third applications posted with an Idempotency-Key, the rest occasional-care bookings on a few slots
/// that many families want. Every request is logged with its time and answer (FILE.events: ms kind status), so the script can
/// count errors inside and outside the fault windows; the applications' outcomes go to FILE (read by `verify`), the acknowledged
/// bookings to FILE.bookings (checked against the database by the script).
/// </summary>
internal static class Load
{
    public static async Task<int> RunAsync(Args options, Uri baseAddress, string statePath, JsonSerializerOptions json)
    {
        var seconds = int.Parse(options.Get("seconds", "300"));
        var concurrency = int.Parse(options.Get("concurrency", "16"));
        var data = await File.ReadAllLinesAsync(options["data"]);
        var families = data.Where(l => l.StartsWith("family ", StringComparison.Ordinal)).Select(l => l.Split(' ')).Select(p => (Email: p[1], Child: Guid.Parse(p[2]))).ToList();
        var slots = data.Where(l => l.StartsWith("slot ", StringComparison.Ordinal)).Select(l => Guid.Parse(l.Split(' ')[1])).ToList();
        var sites = families.Select(f => new Site(baseAddress, f.Email, Site.Password)).ToList();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(sites, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (site, _) => await site.SignInAsync());
        var wishes = await sites[0].WishChoicesAsync(Requests.Commune);
        Console.WriteLine($"{sites.Count} familles connectées en {clock.Elapsed.TotalSeconds:0.0} s ; {wishes.Count} crèches au choix, {slots.Count} créneaux");

        var run = Guid.NewGuid().ToString("N")[..8];
        var state = new State(run, [.. sites.Select(s => s.Email)], wishes, 0, []);
        var applications = new ConcurrentDictionary<int, Outcome>();
        var bookings = new ConcurrentBag<Guid>();
        var nextApplication = -1;
        await using var events = new StreamWriter(statePath + ".events", append: false);
        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await File.WriteAllTextAsync(statePath + ".start", start.ToString(System.Globalization.CultureInfo.InvariantCulture));
        void Log(string kind, int status)
        {
            lock (events) events.WriteLine($"{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()} {kind} {status}");
        }

        clock.Restart();
        await Parallel.ForEachAsync(Enumerable.Range(0, concurrency), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (worker, _) =>
        {
            var random = new Random(worker);
            while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
            {
                var site = sites[random.Next(sites.Count)];
                var draw = random.Next(100);
                if (draw < 50)
                {
                    var path = draw % 2 == 0 ? "/?Where=Montreuil" : $"/api/v1/structures?commune={Requests.Commune}";
                    Log("recherche", await site.ReadAsync(path));
                }
                else if (draw < 83)
                {
                    var i = Interlocked.Increment(ref nextApplication);
                    var outcome = await sites[i % sites.Count].PostAsync(Requests.Body(state, i), Requests.Key(state, i));
                    applications[i] = outcome;
                    Log("demande", outcome.Status);
                }
                else
                {
                    var family = random.Next(sites.Count);
                    var (status, booking) = await sites[family].BookAsync(slots[random.Next(slots.Count)], families[family].Child);
                    if (booking is { } id) bookings.Add(id);
                    Log("reservation", status);
                }
            }
        });
        var count = nextApplication + 1;
        var outcomes = Enumerable.Range(0, count).Select(i => applications.GetValueOrDefault(i) ?? new Outcome(0, null, false, "interrompue")).ToArray();
        await File.WriteAllTextAsync(statePath, JsonSerializer.Serialize(state with { Count = count, Outcomes = outcomes }, json));
        await File.WriteAllLinesAsync(statePath + ".bookings", bookings.Select(b => b.ToString()));
        Console.WriteLine($"charge : {seconds} s, {concurrency} clients ; {count} demandes envoyées dont {outcomes.Count(o => o.Succeeded)} acquittées, "
            + $"{bookings.Count} réservations acquittées");
        return 0;
    }
}
