using Engine = Berceau.Allocation;

namespace Berceau.Web.Features.Commission;

/// <summary>
/// The reserved seats of a session (RULES §5), computed per structure from the seats declared for the session and shared out
/// among its sections (docs/commission.md, « Les places réservées »):
/// <list type="bullet">
/// <item>poverty (D214-7 CASF, « une place par tranche de vingt places »): ⌈N / 20⌉ of the N seats the session allocates in the
/// structure, so at least one as soon as one seat is declared. The law counts the structure's places; the commission only
/// allocates the places that are free, and reserving on them keeps the share of families in poverty among new arrivals at one
/// in twenty or more, which is what keeps the crèche at that share over time. Counting the whole capacity at every session would
/// reserve the same places again and again.</item>
/// <item>insertion, at an AVIP crèche only: ⌈20 % × N⌉.</item>
/// <item>Each structure quota is shared among the sections with seats in proportion to their seats, by largest remainder (ties:
/// the section listed first in the instance), so a section never gets more than it has, and the sections together exactly the
/// quota.</item>
/// <item>In a section, poverty is listed first, then insertion, trimmed so that the reserves never exceed the seats. Poverty first
/// because it is the legal minimum of every EAJE: a family in both categories takes a poverty seat, and when a decision of the
/// commission removes a seat (<see cref="OverrideTransform"/> trims from the last reserve), the AVIP reserve shrinks first.</item>
/// </list>
/// A reserve is a minimum guarantee, never an empty seat: unfilled, its seats go back to everyone (contract, choice rule).
/// </summary>
public static class CommissionReserves
{
    public const string PovertyCategory = "poverty";
    public const string InsertionCategory = "insertion";
    /// <summary>D214-7 CASF: one place per tranche of twenty.</summary>
    public const int PovertyTranche = 20;
    /// <summary>The AVIP charter: at least 20 % of the places for parents in insertion or looking for a job.</summary>
    public const int AvipPercent = 20;

    public static int PovertySeats(int seats) => seats <= 0 ? 0 : (seats + PovertyTranche - 1) / PovertyTranche;

    public static int AvipSeats(int seats) => seats <= 0 ? 0 : (seats * AvipPercent + 99) / 100;

    /// <summary>
    /// The reserves of each section of one structure, in the order of <paramref name="sectionSeats"/> (the instance's order,
    /// seats declared for the session, 0 for a section without).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<Engine.Reserve>> ForStructure(IReadOnlyList<int> sectionSeats, bool avip)
    {
        var total = sectionSeats.Sum(s => Math.Max(s, 0));
        var poverty = Apportion(PovertySeats(total), sectionSeats);
        var insertion = avip ? Apportion(AvipSeats(total), sectionSeats) : new int[sectionSeats.Count];
        var reserves = new List<IReadOnlyList<Engine.Reserve>>(sectionSeats.Count);
        for (var i = 0; i < sectionSeats.Count; i++)
        {
            var list = new List<Engine.Reserve>(2);
            if (poverty[i] > 0) list.Add(new Engine.Reserve(PovertyCategory, poverty[i]));
            var room = Math.Min(insertion[i], Math.Max(sectionSeats[i], 0) - poverty[i]);
            if (room > 0) list.Add(new Engine.Reserve(InsertionCategory, room));
            reserves.Add(list);
        }
        return reserves;
    }

    /// <summary>
    /// Shares <paramref name="quota"/> among the sections in proportion to their seats (largest remainder, ties to the first
    /// listed). Integers only: the same seats always give the same shares, on every machine.
    /// </summary>
    public static int[] Apportion(int quota, IReadOnlyList<int> seats)
    {
        var shares = new int[seats.Count];
        var total = seats.Sum(s => Math.Max(s, 0));
        if (quota <= 0 || total == 0) return shares;
        quota = Math.Min(quota, total);
        var given = 0;
        for (var i = 0; i < seats.Count; i++)
        {
            shares[i] = quota * Math.Max(seats[i], 0) / total;
            given += shares[i];
        }
        // The remainders are compared as numerators over the same denominator (total): no rounding.
        var order = Enumerable.Range(0, seats.Count).Where(i => seats[i] > 0)
            .OrderByDescending(i => quota * seats[i] % total).ThenBy(i => i).ToList();
        for (var k = 0; given < quota; k++)
        {
            var i = order[k % order.Count];
            if (shares[i] >= seats[i]) continue;
            shares[i]++;
            given++;
        }
        return shares;
    }
}
