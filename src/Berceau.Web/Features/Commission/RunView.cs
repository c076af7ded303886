using System.Text.Json;
using Berceau.Data.Commission;
using Berceau.Domain.Commission;
using Engine = Berceau.Allocation;

namespace Berceau.Web.Features.Commission;

/// <summary>Where a run put an application: a section chosen by the engine, or by the commission (<see cref="Forced"/>).</summary>
public sealed record Placement(string Structure, string Section, int? WishRank, string? ViaReserve, AppliedOverride? Forced);

/// <summary>
/// A reserve of a section as the run applied it: the seats the instance gave the engine for a category (after the commission's
/// decisions, which may have trimmed it) and how many of them the engine filled with a family of that category
/// (<c>viaReserve</c> in its result). Filled ≤ seats: a reserve nobody of the category asked for went back to everyone.
/// </summary>
public sealed record ReserveLine(string Category, int Seats, int Filled);

/// <summary>One line of the engine's explanation of an application (contract: explanations[].wishes[]).</summary>
public sealed record WishLine(int Rank, string Structure, string Outcome, int? YourScore, int? CutoffScore, int? WaitlistPosition);

/// <summary>
/// A stored run read back: its result JSON (as the engine wrote it) and the placements the commission forced, which the engine
/// never saw. Applications of the snapshot in neither were excluded by the commission from every structure they wished.
/// </summary>
public sealed class RunView
{
    public required CommissionRun Run { get; init; }
    public required IReadOnlyDictionary<string, Placement> Placements { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyList<WishLine>> Explanations { get; init; }
    public required IReadOnlyList<AppliedOverride> Overrides { get; init; }
    public required IReadOnlyDictionary<string, int?> CutoffBySection { get; init; }

    private IReadOnlyDictionary<string, IReadOnlyList<ReserveLine>>? reserves;

    /// <summary>
    /// The reserves of each section (by the instance's section id) as the engine received them, with how many seats it filled
    /// through each: read from the run's own instance and result, so they are what the engine applied, decisions included.
    /// Read on first use, from the run's sections (a run stored before they were kept: from its instance, which it then holds).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ReserveLine>> Reserves => reserves ??= ReadReserves(
        Run.SectionsJson ?? Run.InstanceJson ?? throw new InvalidDataException($"Calcul {Run.Id} sans sections ni instance."), Placements.Values);

    /// <summary>The reserves of one section; empty when it had none.</summary>
    public IReadOnlyList<ReserveLine> ReservesOf(string sectionId) => Reserves.TryGetValue(sectionId, out var lines) ? lines : [];

    public bool WasExcludedEverywhere(string application) => !Placements.ContainsKey(application) && !Explanations.ContainsKey(application);

    public static RunView Read(CommissionRun run)
    {
        var overrides = RunRecord.ReadOverrides(run.OverridesJson);
        var placements = new Dictionary<string, Placement>(StringComparer.Ordinal);
        var explanations = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var cutoffs = new Dictionary<string, int?>(StringComparer.Ordinal);
        // Not disposed: the explanations are read from it when asked (ExplanationLines); the collector frees it with the view.
        var json = JsonDocument.Parse(run.ResultJson);
        var root = json.RootElement;
        foreach (var a in root.GetProperty("assignments").EnumerateArray())
        {
            placements[a.GetProperty("application").GetString()!] = new Placement(a.GetProperty("structure").GetString()!,
                a.GetProperty("section").GetString()!, a.GetProperty("wishRank").GetInt32(),
                a.TryGetProperty("viaReserve", out var via) ? via.GetString() : null, null);
        }
        foreach (var e in root.GetProperty("explanations").EnumerateArray())
            explanations[e.GetProperty("application").GetString()!] = e.GetProperty("wishes");
        foreach (var s in root.GetProperty("sections").EnumerateArray())
        {
            var cutoff = s.GetProperty("cutoff");
            cutoffs[s.GetProperty("id").GetString()!] = cutoff.ValueKind == JsonValueKind.Object ? cutoff.GetProperty("score").GetInt32() : null;
        }
        AddForced(placements, overrides);
        return new RunView { Run = run, Placements = placements, Explanations = new ExplanationLines(explanations), Overrides = overrides, CutoffBySection = cutoffs };
    }

    /// <summary>
    /// The view of a run just solved, from the engine's result in memory: what <see cref="Read"/> finds in the JSON the result was
    /// written to, without parsing a département's 25 MB back (docs/performance.md). A result with linked groups is read from
    /// its JSON: its explanations are a plain list, which has no search by id.
    /// </summary>
    public static RunView Of(CommissionRun run, Engine.Result result)
    {
        if (result.Linked is not null) return Read(run);
        var overrides = RunRecord.ReadOverrides(run.OverridesJson);
        var placements = new Dictionary<string, Placement>(result.Assignments.Count, StringComparer.Ordinal);
        foreach (var a in result.Assignments) placements[a.Application] = new Placement(a.Structure, a.Section, a.WishRank, a.ViaReserve, null);
        var cutoffs = new Dictionary<string, int?>(result.Sections.Count, StringComparer.Ordinal);
        foreach (var s in result.Sections) cutoffs[s.Id] = s.Cutoff?.Score;
        AddForced(placements, overrides);
        return new RunView { Run = run, Placements = placements, Explanations = new ResultLines(result), Overrides = overrides, CutoffBySection = cutoffs };
    }

    /// <summary>The placements the commission forced, which the engine never saw.</summary>
    private static void AddForced(Dictionary<string, Placement> placements, IReadOnlyList<AppliedOverride> overrides)
    {
        foreach (var o in overrides.Where(o => o.Kind == OverrideKind.Force))
        {
            placements[o.Application] = new Placement(InstanceSnapshot.StructureId(new(o.Facility)), InstanceSnapshot.SectionId(o.Section!.Value), null, null, o);
        }
    }

    /// <summary>The outcome of a wish as the contract writes it (explanations[].wishes[].outcome).</summary>
    private static string OutcomeName(Engine.WishOutcome outcome) => outcome switch
    {
        Engine.WishOutcome.Assigned => "assigned",
        Engine.WishOutcome.NotNeeded => "not-needed",
        Engine.WishOutcome.Full => "full",
        Engine.WishOutcome.NotEligibleAge => "not-eligible-age",
        Engine.WishOutcome.NotTogether => "not-together",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    /// <summary>
    /// The engine's explanations by application, each built from the result the first time it is asked for (the engine finds one
    /// by its id without building the others).
    /// </summary>
    private sealed class ResultLines(Engine.Result result) : IReadOnlyDictionary<string, IReadOnlyList<WishLine>>
    {
        private readonly Dictionary<string, IReadOnlyList<WishLine>> read = new(StringComparer.Ordinal);

        public IReadOnlyList<WishLine> this[string key] => TryGetValue(key, out var lines) ? lines : throw new KeyNotFoundException(key);
        public IEnumerable<string> Keys => result.Explanations.Select(e => e.Application);
        public IEnumerable<IReadOnlyList<WishLine>> Values => Keys.Select(k => this[k]);
        public int Count => result.Explanations.Count;
        public bool ContainsKey(string key) => TryGetValue(key, out _);

        public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out IReadOnlyList<WishLine> value)
        {
            lock (read)
            {
                if (read.TryGetValue(key, out value)) return true;
                if (result.ExplanationOf(key) is not { } explanation) return false;
                value = read[key] = [.. explanation.Wishes.Select(w => new WishLine(w.Rank, w.Structure, OutcomeName(w.Outcome), w.YourScore, w.CutoffScore, w.WaitlistPosition))];
                return true;
            }
        }

        public IEnumerator<KeyValuePair<string, IReadOnlyList<WishLine>>> GetEnumerator() =>
            Keys.Select(k => new KeyValuePair<string, IReadOnlyList<WishLine>>(k, this[k])).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>
    /// The engine's explanations by application, each read from the result's JSON the first time it is asked for: a page shows a
    /// few dozen of a département's 30,000 (each with its six wishes), and reading them all was most of the time spent reading a run.
    /// </summary>
    private sealed class ExplanationLines(Dictionary<string, JsonElement> wishes) : IReadOnlyDictionary<string, IReadOnlyList<WishLine>>
    {
        private readonly Dictionary<string, IReadOnlyList<WishLine>> read = new(StringComparer.Ordinal);

        public IReadOnlyList<WishLine> this[string key] => TryGetValue(key, out var lines) ? lines : throw new KeyNotFoundException(key);
        public IEnumerable<string> Keys => wishes.Keys;
        public IEnumerable<IReadOnlyList<WishLine>> Values => Keys.Select(k => this[k]);
        public int Count => wishes.Count;
        public bool ContainsKey(string key) => wishes.ContainsKey(key);

        public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out IReadOnlyList<WishLine> value)
        {
            lock (read)
            {
                if (read.TryGetValue(key, out value)) return true;
                if (!wishes.TryGetValue(key, out var element)) return false;
                value = read[key] = [.. element.EnumerateArray().Select(w => new WishLine(
                    w.GetProperty("rank").GetInt32(), w.GetProperty("structure").GetString()!, w.GetProperty("outcome").GetString()!,
                    Int(w, "yourScore"), Int(w, "cutoffScore"), Int(w, "waitlistPosition")))];
                return true;
            }
        }

        public IEnumerator<KeyValuePair<string, IReadOnlyList<WishLine>>> GetEnumerator() =>
            Keys.Select(k => new KeyValuePair<string, IReadOnlyList<WishLine>>(k, this[k])).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>
    /// The sections' reserves of a stored instance (contract: sections[].reserves, in the order the engine serves them). Only the
    /// sections are read: the reading stops after them (the engine writes them before the applications).
    /// </summary>
    private static Dictionary<string, IReadOnlyList<ReserveLine>> ReadReserves(string instanceJson, IEnumerable<Placement> placements)
    {
        var filled = placements.Where(p => p.ViaReserve is not null).GroupBy(p => (p.Section, p.ViaReserve!)).ToDictionary(g => g.Key, g => g.Count());
        var found = new Dictionary<string, IReadOnlyList<ReserveLine>>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(instanceJson));
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (name != "sections")
            {
                reader.Skip();
                continue;
            }
            foreach (var section in JsonSerializer.Deserialize<List<StoredSection>>(ref reader, SectionJson) ?? [])
            {
                if (section.Reserves is not { Count: > 0 } list) continue;
                found[section.Id] = [.. list.Select(r => new ReserveLine(r.Category, r.Seats, filled.GetValueOrDefault((section.Id, r.Category))))];
            }
            // The sections are all that is needed: the applications after them (megabytes in a département) are not even skipped.
            break;
        }
        return found;
    }

    private static readonly JsonSerializerOptions SectionJson = new(JsonSerializerDefaults.Web);

    private sealed record StoredReserve(string Category, int Seats);

    private sealed record StoredSection(string Id, List<StoredReserve>? Reserves);

    private static int? Int(JsonElement element, string name) => element.TryGetProperty(name, out var value) ? value.GetInt32() : null;

    /// <summary>
    /// Why an application has no seat, in one French sentence built from the engine's explanation, e.g. « Sans place : Les
    /// Lilas, score 22 pour un dernier admis à 31, 4e sur la liste d’attente ; Arc-en-ciel, âge non accueilli. »
    /// </summary>
    public string WhyUnassigned(string application, Func<string, string> structureName)
    {
        if (WasExcludedEverywhere(application)) return "Écartée par la commission de toutes les structures demandées.";
        if (!Explanations.TryGetValue(application, out var lines) || lines.Count == 0) return "Aucune structure demandée dans le périmètre.";
        var parts = lines.Select(l => structureName(l.Structure) + ", " + l.Outcome switch
        {
            "full" when l.CutoffScore is { } cutoff && l.YourScore > cutoff =>
                $"score {l.YourScore} pour un dernier admis à {cutoff} via réserve, {Ordinal(l.WaitlistPosition ?? 1)} sur la liste d’attente",
            "full" when l.CutoffScore is { } cutoff => $"score {l.YourScore} pour un dernier admis à {cutoff}, {Ordinal(l.WaitlistPosition ?? 1)} sur la liste d’attente",
            "full" => "aucune place déclarée dans la section de son âge",
            "not-eligible-age" => "âge de l’enfant non accueilli",
            "not-together" => "pas de place pour la fratrie ensemble",
            _ => "non examinée",
        });
        var excluded = Overrides.Where(o => o.Kind == OverrideKind.Exclude && o.Application == application)
            .Select(o => structureName(InstanceSnapshot.StructureId(new(o.Facility))) + ", écartée par la commission");
        return "Sans place : " + string.Join(" ; ", parts.Concat(excluded)) + ".";
    }

    public static string Ordinal(int n) => n == 1 ? "1re" : $"{n}e";
}
