using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Domain.Resources;
using Berceau.Web.Features.Applications.Staff;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Resources;

/// <summary>
/// The entries of a public directory a staff member manages (the disability directory, the training offers): those of the communes
/// their territory covers as a whole — another commune's entry is not found (404). Listing, finding, saving a new or corrected
/// entry (version checked) and withdrawing or publishing again, each change with its audit line naming <paramref name="noun"/>.
/// </summary>
public abstract class DirectoryStore<T>(BerceauDbContext db, CaseworkAccess territory, AuditLog audit, string entityType, string noun)
    where T : DirectoryEntry
{
    protected CaseworkAccess Territory => territory;

    public DateOnly Today => territory.Today;

    public Task<IReadOnlyList<string>> CommunesAsync(CancellationToken ct) => territory.CommunesAsync(ct);

    /// <summary>The entries of the territory, published first, in the order <see cref="Order"/> gives.</summary>
    public async Task<IReadOnlyList<T>> ListAsync(CancellationToken ct)
    {
        var communes = await territory.CommunesAsync(ct);
        var entries = await db.Set<T>().AsNoTracking().Where(e => communes.Contains(e.CommuneCode)).ToListAsync(ct);
        return [.. Order(entries.OrderBy(e => e.Withdrawn))];
    }

    public async Task<T?> FindAsync(Guid id, CancellationToken ct)
    {
        var communes = await territory.CommunesAsync(ct);
        return await db.Set<T>().FirstOrDefaultAsync(e => e.Id == id && communes.Contains(e.CommuneCode), ct);
    }

    public async Task<Outcome<bool>> SetWithdrawnAsync(T entry, int version, bool withdrawn, CancellationToken ct)
    {
        if (entry.Version != version) return Problem.Of("concurrency", "");
        entry.SetWithdrawn(withdrawn, territory.Now, territory.UserId);
        audit.Record($"{(withdrawn ? "retrait" : "republication")} d’{noun}", entityType, entry.Id.ToString(), entry.Title);
        return await CaseSave.SaveAsync(db, "concurrency", ct);
    }

    protected abstract IOrderedEnumerable<T> Order(IOrderedEnumerable<T> entries);

    /// <summary>Checks the commune typed: one the territory covers (else a problem on <c>CommuneCode</c>).</summary>
    private protected async Task<string?> CommuneAsync(InputReader reader, string? code, CancellationToken ct)
    {
        if (await territory.CoversCommuneAsync(code, ct)) return code;
        reader.Add("resource-commune", "CommuneCode");
        return null;
    }

    /// <summary>Adds a new entry or keeps the corrected one, with its audit line, in one SaveChanges.</summary>
    protected async Task<Outcome<Guid>> SaveAsync(T? existing, Func<DateTimeOffset, string, Outcome<T>> create, Func<T, DateTimeOffset, string, Outcome<bool>> update,
        CancellationToken ct)
    {
        T saved;
        if (existing is null)
        {
            var created = create(territory.Now, territory.UserId);
            if (!created.IsSuccess) return Outcome<Guid>.Failure(created.Problems);
            db.Set<T>().Add(saved = created.Value);
        }
        else
        {
            var updated = update(existing, territory.Now, territory.UserId);
            if (!updated.IsSuccess) return Outcome<Guid>.Failure(updated.Problems);
            saved = existing;
        }
        audit.Record($"{(existing is null ? "création" : "modification")} d’{noun}", entityType, saved.Id.ToString(), saved.Title);
        var result = await CaseSave.SaveAsync(db, "concurrency", ct);
        return result.IsSuccess ? saved.Id : Outcome<Guid>.Failure(result.Problems);
    }
}

/// <summary>
/// The page of one directory entry: new (no id) or corrected, withdrawn or published again. The folder policy says who (agents and
/// admins); the store finds the entry through the territory (404 otherwise).
/// </summary>
public abstract class DirectoryEntryPage<T, TInput>(DirectoryStore<T> store, BerceauDbContext db) : PageModel
    where T : DirectoryEntry
    where TInput : class, new()
{
    public const string MessageKey = "annuaire-message";

    [BindProperty] public TInput Input { get; set; } = new();
    public T? Entry { get; private set; }
    public IReadOnlyList<SelectListItem> CommuneItems { get; private set; } = [];
    [TempData(Key = MessageKey)] public string? Message { get; set; }

    protected abstract TInput InputFrom(T entry);
    protected abstract int VersionOf(TInput input);
    protected abstract Task<Outcome<Guid>> SaveAsync(T? existing, TInput input, CancellationToken ct);
    protected abstract string EditPath(Guid id);
    /// <summary>The entry as the messages name it, with its article: « La fiche », « L’offre de formation ».</summary>
    protected abstract string Subject { get; }
    /// <summary>Adds what the form needs beyond the input (blank rows…).</summary>
    protected virtual void Prepare() { }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } key)
        {
            Entry = await store.FindAsync(key, ct);
            if (Entry is null) return NotFound();
            Input = InputFrom(Entry);
        }
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } key && (Entry = await store.FindAsync(key, ct)) is null) return NotFound();
        ModelState.Clear();
        var saved = await SaveAsync(Entry, Input, ct);
        if (saved.IsSuccess)
        {
            Message = $"{Subject} est {(Entry is null ? "publiée" : "enregistrée")}.";
            return Redirect(EditPath(saved.Value));
        }
        ModelState.AddProblems(saved.Problems, nameof(Input));
        if (Entry is not null) Entry = await store.FindAsync(Entry.Id, ct);
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, bool withdrawn, CancellationToken ct)
    {
        Entry = await store.FindAsync(id, ct);
        if (Entry is null) return NotFound();
        ModelState.Clear();
        var done = await store.SetWithdrawnAsync(Entry, VersionOf(Input), withdrawn, ct);
        if (done.IsSuccess)
        {
            Message = withdrawn ? $"{Subject} est retirée de la page publique." : $"{Subject} est de nouveau publiée.";
            return Redirect(EditPath(id));
        }
        ModelState.AddProblems(done.Problems, nameof(Input));
        Entry = await store.FindAsync(id, ct);
        Input = InputFrom(Entry!);
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var codes = await store.CommunesAsync(ct);
        CommuneItems = await db.Communes.AsNoTracking().Where(c => codes.Contains(c.Code)).OrderBy(c => c.Name)
            .Select(c => new SelectListItem(c.Name, c.Code)).ToListAsync(ct);
        Prepare();
        return Page();
    }
}
