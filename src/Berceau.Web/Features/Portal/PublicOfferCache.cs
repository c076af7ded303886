using Berceau.Data;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Portal;

public sealed class PublicOfferCacheOptions
{
    /// <summary>How long an answer may be reused when nothing changed in this process; 0 turns the cache off.</summary>
    public int Seconds { get; init; } = 30;
}

/// <summary>
/// Recent answers about the public offer (search list, map, commune totals). Parents and the open-data API ask the same
/// few questions ("Montreuil", "93048") far more often than staff change the offer, and each answer costs several queries.
/// An answer is dropped at the first save touching the offer in this process (<see cref="OfferChangeSignal"/>), including a
/// save that happens while it is being computed; a change made elsewhere (another web node, the CLI) shows after at most
/// <see cref="PublicOfferCacheOptions.Seconds"/>. The clock's time window is part of the key, so an answer never outlives
/// its window even when the clock is not the wall clock (tests).
/// </summary>
public sealed class PublicOfferCache(OfferChangeSignal changes, IOptions<PublicOfferCacheOptions> options, TimeProvider clock) : IDisposable
{
    // Enough for every commune's first pages and common filters; beyond it the cache evicts, it never grows.
    private const int MaxEntries = 2000;
    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = MaxEntries });
    private readonly int _seconds = Math.Max(0, options.Value.Seconds);

    /// <param name="key">A value with equality (a record) that holds every input of the answer, dates included.</param>
    public async Task<T> GetOrLoadAsync<T>(object key, Func<Task<T>> load) where T : class
    {
        if (_seconds == 0) return await load();
        var windowed = (key, Window: clock.GetUtcNow().ToUnixTimeSeconds() / _seconds);
        if (_entries.TryGetValue(windowed, out T? known) && known is not null) return known;

        // Taken before loading: if the offer changes while we read it, the entry is born expired.
        var token = changes.Token;
        var value = await load();
        using var entry = _entries.CreateEntry(windowed);
        entry.Value = value;
        entry.Size = 1;
        entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(_seconds);
        entry.ExpirationTokens.Add(token);
        return value;
    }

    public void Dispose() => _entries.Dispose();
}
