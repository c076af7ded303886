using Microsoft.Extensions.Primitives;

namespace Berceau.Data;

/// <summary>
/// Fires when this process saves a change to the offer or the territories (facilities, sections, vacancies, communes,
/// sectors), so that in-memory copies of the public offer are dropped at once instead of waiting for their expiry.
/// Other processes (a second web node, the CLI) do not see it: their copies live only as long as their own expiry.
/// </summary>
public sealed class OfferChangeSignal
{
    private CancellationTokenSource _generation = new();

    /// <summary>A token that changes at the next save touching the offer; give it to a cache entry.</summary>
    public IChangeToken Token => new CancellationChangeToken(Volatile.Read(ref _generation).Token);

    public void Raise()
    {
        // Not disposed: a cache may still register on the old token, and a timer-less source holds nothing to release.
        Interlocked.Exchange(ref _generation, new CancellationTokenSource()).Cancel();
    }
}
