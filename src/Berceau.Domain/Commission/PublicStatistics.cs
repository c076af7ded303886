namespace Berceau.Domain.Commission;

/// <summary>One application as the public statistics see it: no name, no reference, only what is counted.</summary>
/// <param name="PlacedAt">The structure where it got a place, null when none.</param>
/// <param name="PlacedWishRank">The rank of the wish it got (1 = first wish), null when none.</param>
/// <param name="Score">The family's score under the grid (without a structure's own points), for the distribution.</param>
/// <param name="ViaReserve">The category of the reserved seat it took (the engine's <c>viaReserve</c>), null for an ordinary seat.</param>
public sealed record CountedApplication(string? PlacedAt, int? PlacedWishRank, int Score, string? ViaReserve = null);

/// <summary>
/// A structure of the session: the seats it declared, the lowest score it admitted (null when it admitted nobody) and the seats
/// reserved there (RULES §5).
/// </summary>
public sealed record CountedStructure(string Name, int Seats, int? LowestAdmittedScore, int ReservedSeats = 0);

/// <summary>
/// A count as published: the exact number, or « moins de 5 » when it is between 1 and 4 (<see cref="Suppressed"/>), so that no
/// family can be recognised from a small cell. Zero is published: it says nothing about anyone.
/// </summary>
public readonly record struct PublishedCount(int? Value)
{
    public bool Suppressed => Value is null;
    public override string ToString() => Value is { } value ? value.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")) : "moins de 5";
}

/// <summary>A structure as published; <see cref="ViaReserve"/> counts the families admitted on a reserved seat.</summary>
public sealed record StructureFigures(string Name, int Seats, PublishedCount Admitted, int? LowestAdmittedScore, int ReservedSeats,
    PublishedCount ViaReserve);

/// <summary>
/// One category of reserved seats over the session: the seats reserved (seats, not families: published as they are) and the
/// families admitted through them (a count of families: small cells suppressed).
/// </summary>
public sealed record ReserveFigures(string Category, int Seats, PublishedCount Filled);

/// <summary>Seats reserved over a session for one category of families.</summary>
public sealed record CountedReserve(string Category, int Seats);

/// <summary>Families whose score falls in [<see cref="From"/>, <see cref="To"/>].</summary>
public sealed record ScoreBand(int From, int To, PublishedCount Families);

/// <summary>
/// The anonymised figures of a commission, for its public page: applications, seats, placed, first wishes, the lowest admitted score
/// per structure and the distribution of scores. Small cells are suppressed (<see cref="PublishedCount"/>); a structure's lowest
/// admitted score is given only when it admitted at least <see cref="SmallCell"/> families (fewer, and it would point at one);
/// and where a single cell of a published total is suppressed, the next smallest is too (<see cref="Protect"/>), so that no small
/// cell is found by subtraction. The placed and the others, the first wishes and the others, are two cells of the applications:
/// a percentage is published only with its count, so that « 40 % of 10 » never says « 4 ».
/// The reserved seats (RULES §5) are seats, published as they are; the families admitted on them are counts of families,
/// suppressed like the others: per structure (cells of the families admitted via a reserve) and per category.
/// </summary>
public sealed record PublicStatistics(
    PublishedCount Applications,
    int Seats,
    PublishedCount Placed,
    decimal? PlacedPercent,
    PublishedCount FirstWish,
    decimal? FirstWishPercent,
    int Overrides,
    IReadOnlyList<StructureFigures> Structures,
    IReadOnlyList<ScoreBand> Scores)
{
    /// <summary>The reserved seats per category (categories in the order first met); empty when the session reserved none.</summary>
    public IReadOnlyList<ReserveFigures> Reserves { get; init; } = [];

    public int ReservedSeats => Reserves.Sum(r => r.Seats);

    public const int SmallCell = 5;
    public const int BandWidth = 10;

    /// <param name="reserved">The seats reserved over the session, per category (RULES §5); none when omitted.</param>
    public static PublicStatistics Of(IReadOnlyCollection<CountedApplication> applications, IReadOnlyCollection<CountedStructure> structures, int overrides,
        IReadOnlyList<CountedReserve>? reserved = null)
    {
        var placed = applications.Count(a => a.PlacedAt is not null);
        var firstWish = applications.Count(a => a.PlacedWishRank == 1);
        var admitted = applications.Where(a => a.PlacedAt is not null).GroupBy(a => a.PlacedAt!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var ordered = structures.OrderBy(s => s.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true)).ToList();
        var admittedCounts = Protect(ordered.Select(s => admitted.GetValueOrDefault(s.Name)).ToArray());
        // The families admitted on a reserved seat, per structure: cells of the total over the categories below, protected alike.
        var viaReserve = applications.Where(a => a.PlacedAt is not null && a.ViaReserve is not null).GroupBy(a => a.PlacedAt!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var viaCounts = Protect(ordered.Select(s => viaReserve.GetValueOrDefault(s.Name)).ToArray());
        var figures = ordered.Select((s, k) => new StructureFigures(s.Name, s.Seats, admittedCounts[k],
            admitted.GetValueOrDefault(s.Name) >= SmallCell ? s.LowestAdmittedScore : null, s.ReservedSeats, viaCounts[k])).ToList();
        var total = Publish(applications.Count);
        var placedCell = Protect([placed, applications.Count - placed])[0];
        var firstWishCell = Protect([firstWish, applications.Count - firstWish])[0];
        return new PublicStatistics(
            total, structures.Sum(s => s.Seats), placedCell, PercentOf(placedCell, total),
            firstWishCell, PercentOf(firstWishCell, total),
            overrides, figures, Bands(applications))
        {
            Reserves = ReservesOf(applications, reserved ?? []),
        };
    }

    /// <summary>Per category, the seats reserved and the families admitted on them (a partition of those admitted via a reserve: protected).</summary>
    private static List<ReserveFigures> ReservesOf(IReadOnlyCollection<CountedApplication> applications, IReadOnlyList<CountedReserve> reserved)
    {
        var families = applications.Where(a => a.PlacedAt is not null && a.ViaReserve is not null).GroupBy(a => a.ViaReserve!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var categories = reserved.Select(r => r.Category).Concat(families.Keys).Distinct(StringComparer.Ordinal).ToList();
        var cells = Protect([.. categories.Select(c => families.GetValueOrDefault(c))]);
        return [.. categories.Select((c, k) => new ReserveFigures(c, reserved.Where(r => r.Category == c).Sum(r => r.Seats), cells[k]))];
    }

    public static PublishedCount Publish(int count) => new(count is > 0 and < SmallCell ? null : count);

    /// <summary>
    /// The cells of a total that is itself published: when only one cell is suppressed, the total minus the others would give it
    /// away, so the smallest other non-empty cell is suppressed as well (secondary suppression).
    /// </summary>
    public static PublishedCount[] Protect(int[] counts)
    {
        var published = counts.Select(Publish).ToArray();
        if (published.Count(p => p.Suppressed) != 1) return published;
        var next = -1;
        for (var k = 0; k < counts.Length; k++)
            if (!published[k].Suppressed && counts[k] > 0 && (next < 0 || counts[k] < counts[next])) next = k;
        if (next >= 0) published[next] = new PublishedCount(null);
        return published;
    }

    /// <summary>The share of a published part in a published, non-empty whole; null when either is suppressed.</summary>
    private static decimal? PercentOf(PublishedCount part, PublishedCount whole) => (part.Value, whole.Value) switch
    {
        ({ } p, { } w) when w > 0 => Math.Round(100m * p / w, 1, MidpointRounding.AwayFromZero),
        _ => null,
    };

    /// <summary>Bands of <see cref="BandWidth"/> points from the lowest score's band to the highest's, empty bands included.</summary>
    private static List<ScoreBand> Bands(IReadOnlyCollection<CountedApplication> applications)
    {
        if (applications.Count == 0) return [];
        var lowest = BandStart(applications.Min(a => a.Score));
        var highest = BandStart(applications.Max(a => a.Score));
        var counts = applications.GroupBy(a => BandStart(a.Score)).ToDictionary(g => g.Key, g => g.Count());
        var starts = Enumerable.Range(0, (highest - lowest) / BandWidth + 1).Select(k => lowest + k * BandWidth).ToArray();
        var published = Protect(starts.Select(from => counts.GetValueOrDefault(from)).ToArray());
        return starts.Select((from, k) => new ScoreBand(from, from + BandWidth - 1, published[k])).ToList();
    }

    // Floor division, so that negative scores (a grid may take points away) fall in their own bands.
    private static int BandStart(int score) => (int)Math.Floor(score / (double)BandWidth) * BandWidth;
}
