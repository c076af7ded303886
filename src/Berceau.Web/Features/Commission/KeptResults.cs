namespace Berceau.Web.Features.Commission;

/// <summary>
/// The last few results this node computed for the commission's next requests, each a task that may still be running: a run's
/// view (<see cref="RecentRunViews"/>), a frozen instance prepared for the engine (<see cref="FrozenInstances"/>). What they keep
/// never changes once stored, so a kept result is right for as long as it is kept. A result whose task failed is never given
/// back: the caller reads from the database as if nothing were kept, and sees why.
/// </summary>
internal sealed class KeptResults<TKey, TResult>(int kept) where TKey : IEquatable<TKey>
{
    private readonly Lock gate = new();
    private readonly List<(TKey Key, Task<TResult> Result)> results = [];

    /// <summary>Keeps a result under <paramref name="key"/>, instead of any kept under the same key; the oldest goes beyond the limit.</summary>
    public void Keep(TKey key, Task<TResult> result)
    {
        lock (gate)
        {
            results.RemoveAll(r => r.Key.Equals(key));
            results.Add((key, result));
            if (results.Count > kept) results.RemoveAt(0);
        }
    }

    /// <summary>The result kept under <paramref name="key"/>, or null.</summary>
    public Task<TResult>? Find(TKey key)
    {
        lock (gate)
        {
            foreach (var (k, result) in results)
            {
                if (k.Equals(key) && !result.IsFaulted && !result.IsCanceled) return result;
            }
            return null;
        }
    }
}
