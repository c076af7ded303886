using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Berceau.Durability;

// bench/durability.sh drives two runs of this client around a SIGKILL of the app:
//   submit --base URL --mail DIR --state FILE [--families 20] [--count 2000] [--concurrency 16]
//   verify --base URL --state FILE
//   load --base URL --state FILE --data FILE [--seconds 300] [--concurrency 16]   (bench/faults.sh, see Load.cs)
// "submit" registers the families through the real pages, then posts every application once with its Idempotency-Key,
// appending one line per answer to FILE.progress (the script kills the app after a share of them). "verify" retries every
// request that got no success answer with the same key and body, then checks that each acknowledged application exists
// exactly once. Exit code 0 only when nothing is lost and nothing is duplicated.
var options = Args.Parse(args);
var baseAddress = new Uri(options["base"]);
var statePath = options["state"];
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };

if (options.Command == "load")
    return await Load.RunAsync(options, baseAddress, statePath, json);

if (options.Command == "submit")
{
    var families = int.Parse(options.Get("families", "20"));
    var count = int.Parse(options.Get("count", "2000"));
    var concurrency = int.Parse(options.Get("concurrency", "16"));
    var run = Guid.NewGuid().ToString("N")[..8];
    var sites = Enumerable.Range(0, families).Select(i => new Site(baseAddress, $"famille.{run}.{i}@banc.berceau.test", Site.Password)).ToList();
    var clock = Stopwatch.StartNew();
    await Parallel.ForEachAsync(sites, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (site, _) =>
    {
        await site.RegisterAsync(options["mail"]);
        await site.SignInAsync();
    });
    var wishes = await sites[0].WishChoicesAsync(Requests.Commune);
    Console.WriteLine($"{families} familles inscrites et connectées en {clock.Elapsed.TotalSeconds:0.0} s ; {wishes.Count} crèches au choix");

    var state = new State(run, [.. sites.Select(s => s.Email)], wishes, count, new Outcome[count]);
    await using var progress = new StreamWriter(statePath + ".progress", append: false) { AutoFlush = true };
    clock.Restart();
    long lastSuccessMs = 0;
    await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) =>
    {
        var outcome = await sites[i % families].PostAsync(Requests.Body(state, i), Requests.Key(state, i));
        state.Outcomes[i] = outcome;
        if (outcome.Succeeded) Interlocked.Exchange(ref lastSuccessMs, clock.ElapsedMilliseconds);
        lock (progress) progress.WriteLine($"{i} {outcome.Status}");
    });
    var ok = state.Outcomes.Count(o => o.Succeeded);
    Console.WriteLine($"envoi : {ok} demandes acquittées (201) en {lastSuccessMs / 1000.0:0.0} s avant l’arrêt ({ok * 1000.0 / Math.Max(1, lastSuccessMs):0} par seconde) ; "
        + $"{count} envoyées en {clock.Elapsed.TotalSeconds:0.0} s, "
        + $"{state.Outcomes.Count(o => o.Status == 0)} sans réponse, {state.Outcomes.Count(o => o.Status is not 0 and not 201)} autres statuts "
        + Summary(state.Outcomes.Where(o => o.Status is not 0 and not 201)));
    await File.WriteAllTextAsync(statePath, JsonSerializer.Serialize(state, json));
    return 0;
}

{
    var state = JsonSerializer.Deserialize<State>(await File.ReadAllTextAsync(statePath), json)!;
    var sites = state.Families.Select(e => new Site(baseAddress, e, Site.Password)).ToList();
    foreach (var site in sites) await site.SignInAsync();
    var firstAnswers = state.Outcomes.ToArray();
    var final = state.Outcomes.ToArray();
    var toRetry = Enumerable.Range(0, state.Count).Where(i => !firstAnswers[i].Succeeded).ToList();
    var replayedRetries = new ConcurrentBag<int>();
    var clock = Stopwatch.StartNew();
    await Parallel.ForEachAsync(toRetry, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
    {
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var outcome = await sites[i % sites.Count].PostAsync(Requests.Body(state, i), Requests.Key(state, i));
            final[i] = outcome;
            if (outcome.Succeeded) { if (outcome.Replayed) replayedRetries.Add(i); return; }
            await Task.Delay(500 * attempt);
        }
    });
    Console.WriteLine($"reprise : {toRetry.Count} demandes renvoyées avec la même clé en {clock.Elapsed.TotalSeconds:0.0} s ; "
        + $"{replayedRetries.Count} avaient été enregistrées avant l’arrêt (réponse rejouée), {toRetry.Count(i => final[i].Succeeded) - replayedRetries.Count} créées maintenant, "
        + $"{toRetry.Count(i => !final[i].Succeeded)} toujours en échec " + Summary(toRetry.Select(i => final[i]).Where(o => !o.Succeeded)));

    // A sample of requests answered 201 the first time, sent again: the same id must come back, nothing new.
    var sample = Enumerable.Range(0, state.Count).Where(i => firstAnswers[i].Succeeded).Take(200).ToList();
    var sameAnswer = 0;
    foreach (var i in sample)
    {
        var again = await sites[i % sites.Count].PostAsync(Requests.Body(state, i), Requests.Key(state, i));
        if (again.Succeeded && again.Replayed && again.Id == firstAnswers[i].Id) sameAnswer++;
    }

    var listed = new List<Guid>();
    foreach (var site in sites) listed.AddRange(await site.ListAsync());
    var acknowledged = final.Where(o => o.Succeeded).Select(o => o.Id!.Value).ToList();
    var missing = acknowledged.Except(listed).Count();
    var duplicatedIds = listed.Count - listed.Distinct().Count();
    var keysSharingAnId = acknowledged.Count - acknowledged.Distinct().Count();
    var changedAnswer = Enumerable.Range(0, state.Count).Count(i => firstAnswers[i].Succeeded && final[i].Id != firstAnswers[i].Id);
    var unexpected = listed.Count - acknowledged.Distinct().Count();
    Console.WriteLine($"vérification : {acknowledged.Count} demandes acquittées (clés), {listed.Count} demandes dans la base (listes des familles) ; "
        + $"manquantes {missing}, en double {duplicatedIds}, clés partageant une demande {keysSharingAnId}, réponse changée {changedAnswer}, "
        + $"demandes sans clé acquittée {unexpected} ; renvoi de {sample.Count} demandes déjà acquittées : {sameAnswer} même réponse rejouée");
    var success = missing == 0 && duplicatedIds == 0 && keysSharingAnId == 0 && changedAnswer == 0 && unexpected == 0
        && acknowledged.Count == state.Count && sameAnswer == sample.Count;
    Console.WriteLine(success ? "RÉSULTAT : OK, chaque demande acquittée existe exactement une fois" : "RÉSULTAT : ÉCHEC");
    return success ? 0 : 1;
}

static string Summary(IEnumerable<Outcome> outcomes)
{
    var groups = outcomes.GroupBy(o => o.Status == 0 ? o.Error ?? "?" : o.Status.ToString()).Select(g => $"{g.Key}×{g.Count()}").ToList();
    return groups.Count == 0 ? "" : "(" + string.Join(", ", groups) + ")";
}

internal sealed record State(string Run, List<string> Families, List<string> Wishes, int Count, Outcome[] Outcomes);

/// <summary>Request i is always the same bytes with the same key, so that a retry is the same request.</summary>
internal static class Requests
{
    public const string Commune = "93048";

    public static string Key(State state, int i) => $"banc-{state.Run}-{i:D5}";

    public static byte[] Body(State state, int i) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        communeCode = Commune,
        street = $"{i + 1} rue du Banc",
        postalCode = "93100",
        child = new { firstName = Letters(i), lastName = "Essai", birthDate = "2026-06-01" },
        guardians = new[] { new { firstName = "Camille", lastName = "Essai", situation = "Employed" } },
        childrenInHousehold = 1,
        annualResources = 30000,
        desiredStart = "2027-01-04",
        days = new[] { "Monday", "Tuesday", "Thursday" },
        from = "08:30",
        to = "17:00",
        wishes = new[] { state.Wishes[i % state.Wishes.Count] },
        consent = true,
    });

    /// <summary>A first name made of letters only (the form refuses digits): 0 → "Aa", 1 → "Ab"…</summary>
    private static string Letters(int i)
    {
        var text = new StringBuilder();
        do { text.Insert(0, (char)('a' + i % 26)); i /= 26; } while (i > 0);
        return "A" + text;
    }
}

internal sealed class Args
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    public string Command { get; private init; } = "";

    public string this[string name] => _values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} manquant");
    public string Get(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    public static Args Parse(string[] args)
    {
        var parsed = new Args { Command = args.Length > 0 ? args[0] : "" };
        for (var i = 1; i + 1 < args.Length; i += 2) parsed._values[args[i].TrimStart('-')] = args[i + 1];
        return parsed;
    }
}
