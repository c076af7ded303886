using System.Text.Json;
using Berceau.Data.Commission;
using Berceau.Domain.Commission;

namespace Berceau.Web.Features.Commission;

/// <summary>Where a run put an application: a section chosen by the engine, or by the commission (<see cref="Forced"/>).</summary>
public sealed record Placement(string Structure, string Section, int? WishRank, string? ViaReserve, AppliedOverride? Forced);

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

    public bool WasExcludedEverywhere(string application) => !Placements.ContainsKey(application) && !Explanations.ContainsKey(application);

    public static RunView Read(CommissionRun run)
    {
        var overrides = RunRecord.ReadOverrides(run.OverridesJson);
        var placements = new Dictionary<string, Placement>(StringComparer.Ordinal);
        var explanations = new Dictionary<string, IReadOnlyList<WishLine>>(StringComparer.Ordinal);
        var cutoffs = new Dictionary<string, int?>(StringComparer.Ordinal);
        using var json = JsonDocument.Parse(run.ResultJson);
        var root = json.RootElement;
        foreach (var a in root.GetProperty("assignments").EnumerateArray())
        {
            placements[a.GetProperty("application").GetString()!] = new Placement(a.GetProperty("structure").GetString()!,
                a.GetProperty("section").GetString()!, a.GetProperty("wishRank").GetInt32(),
                a.TryGetProperty("viaReserve", out var via) ? via.GetString() : null, null);
        }
        foreach (var e in root.GetProperty("explanations").EnumerateArray())
        {
            explanations[e.GetProperty("application").GetString()!] = [.. e.GetProperty("wishes").EnumerateArray().Select(w => new WishLine(
                w.GetProperty("rank").GetInt32(), w.GetProperty("structure").GetString()!, w.GetProperty("outcome").GetString()!,
                Int(w, "yourScore"), Int(w, "cutoffScore"), Int(w, "waitlistPosition")))];
        }
        foreach (var s in root.GetProperty("sections").EnumerateArray())
        {
            var cutoff = s.GetProperty("cutoff");
            cutoffs[s.GetProperty("id").GetString()!] = cutoff.ValueKind == JsonValueKind.Object ? cutoff.GetProperty("score").GetInt32() : null;
        }
        foreach (var o in overrides.Where(o => o.Kind == OverrideKind.Force))
        {
            placements[o.Application] = new Placement(InstanceSnapshot.StructureId(new(o.Facility)), InstanceSnapshot.SectionId(o.Section!.Value), null, null, o);
        }
        return new RunView { Run = run, Placements = placements, Explanations = explanations, Overrides = overrides, CutoffBySection = cutoffs };
    }

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
