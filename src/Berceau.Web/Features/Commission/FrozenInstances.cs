using Berceau.Domain.Commission;
using Engine = Berceau.Allocation;

namespace Berceau.Web.Features.Commission;

/// <summary>
/// The frozen instances this node last prepared for the engine (<see cref="Engine.AllocationEngine.Prepare"/>), each indexed once:
/// the freeze that has just built one keeps it, and the runs that follow start from it instead of reading a département's
/// snapshot (16 MB of JSON) back from the database, parsing and indexing it again (docs/performance.md). A run without decisions
/// is then only the engine's proposals; a prepared instance solves exactly as <see cref="Engine.AllocationEngine.Solve"/> does
/// (the engine's property test), and a replay, which reads the stored bytes, checks it.
/// A snapshot is written once, by the freeze, and never changes; a cancelled session is never frozen again. So a session and the
/// instant of its freeze name one instance for good. Only the last <see cref="Kept"/> are kept; any other is read from the database
/// (and then kept).
/// </summary>
public sealed class FrozenInstances
{
    public const int Kept = 2;

    // By session and instant of the freeze, to the microsecond: PostgreSQL keeps microseconds, so the instant read back from the
    // snapshot is the freeze's without its last digit of ticks.
    private readonly KeptResults<(CommissionSessionId Session, long FrozenAtMicros), Engine.PreparedInstance> kept = new(Kept);

    private static (CommissionSessionId, long) Key(CommissionSessionId session, DateTimeOffset frozenAt) => (session, frozenAt.UtcTicks / 10);

    /// <summary>
    /// The prepared instance of a session frozen at <paramref name="frozenAt"/>, or null when this node does not keep it (or its
    /// preparing failed: the caller reads the snapshot from the database, and sees why).
    /// </summary>
    public Task<Engine.PreparedInstance>? Find(CommissionSessionId session, DateTimeOffset frozenAt) => kept.Find(Key(session, frozenAt));

    /// <summary>
    /// Keeps a frozen instance being prepared on the thread pool, once its snapshot is committed: by the freeze, or by a run
    /// that read the snapshot from the database.
    /// </summary>
    public void Keep(CommissionSessionId session, DateTimeOffset frozenAt, Task<Engine.PreparedInstance> prepared) =>
        kept.Keep(Key(session, frozenAt), prepared);
}
