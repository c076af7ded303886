using Berceau.Data;
using Berceau.Data.Numbering;
using Berceau.Domain.Applications;
using Berceau.Domain.Common;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Applications.Family;

/// <summary>
/// Saves the family's form as a draft, or submits it. A submission is written only when every check passes (the domain's
/// <see cref="Application.Submit"/>); otherwise nothing is saved, not even the draft, and every problem is returned.
/// </summary>
public sealed class SaveApplication(BerceauDbContext db, ApplicationFormQueries queries, CurrentStaff signedIn, TimeProvider clock, AuditLog audit, ApplicationEvents events)
{
    /// <summary>The signed-in account: the family on its pages and through the API, the agent at the counter.</summary>
    private string UserId => signedIn.UserId ?? throw new InvalidOperationException("The application form is only reached signed in.");

    private DateTimeOffset Now => clock.GetUtcNow();

    private DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>
    /// Creates the family's application in the commune of the form (a draft, or submitted at once). The same form posted
    /// again finds the application it created (<see cref="NewApplication.AlreadySaved"/>) and changes nothing.
    /// </summary>
    public Task<Outcome<NewApplication>> CreateAsync(ApplicationInput input, bool submit, CancellationToken ct) =>
        CreateAsync(input, submit, UserId, ct);

    /// <param name="familyUserId">The owner; null at the counter, where the signed-in agent creates it for a family
    /// that will attach it to its account later with a code.</param>
    public async Task<Outcome<NewApplication>> CreateAsync(ApplicationInput input, bool submit, string? familyUserId, CancellationToken ct)
    {
        if (await CreatedWithAsync(input.CreationKey, ct) is { } earlier) return earlier;
        var commune = await queries.CommuneAsync(input.CommuneCode, ct);
        if (commune is null) return Problem.Of("application-commune-unknown", "CommuneCode");
        var application = new Application
        {
            Reference = "",
            FamilyUserId = familyUserId,
            CreatedBy = UserId,
            CommuneCode = commune.Code,
            CreatedAt = Now,
            CreationKey = input.CreationKey,
        };
        var outcome = await ApplyAsync(application, commune, input, submit, ct);
        if (!outcome.IsSuccess) return Outcome<NewApplication>.Failure(outcome.Problems);
        db.Applications.Add(application);
        audit.Record(ApplicationAudit.Created, ApplicationAudit.EntityType, application.Id.ToString(), Audited(application));
        await SubmittedAsync(application, outcome.Value, ct);
        return await SaveNewAsync(application, ct);
    }

    /// <summary>The application this form already created, if any; a key used by another account is refused.</summary>
    private async Task<Outcome<NewApplication>?> CreatedWithAsync(Guid? key, CancellationToken ct)
    {
        if (key is null) return null;
        var earlier = await db.Applications.AsNoTracking().Where(a => a.CreationKey == key)
            .Select(a => new { a.Id, a.CreatedBy, a.FamilyUserId }).FirstOrDefaultAsync(ct);
        if (earlier is null) return null;
        return (earlier.CreatedBy ?? earlier.FamilyUserId) == UserId
            ? new NewApplication(earlier.Id.Value, AlreadySaved: true)
            : Problem.Of("application-concurrency", "");
    }

    /// <summary>Rewrites a tracked draft of the family, unless it changed since the form was opened.</summary>
    public async Task<Outcome<Guid>> UpdateAsync(Application application, ApplicationInput input, bool submit, CancellationToken ct)
    {
        if (input.Version != application.Version) return Problem.Of("application-concurrency", "");
        var commune = await queries.CommuneAsync(application.CommuneCode, ct);
        var outcome = await ApplyAsync(application, commune!, input, submit, ct);
        if (!outcome.IsSuccess) return Outcome<Guid>.Failure(outcome.Problems);
        audit.Record(ApplicationAudit.Updated, ApplicationAudit.EntityType, application.Id.ToString(), Audited(application));
        await SubmittedAsync(application, outcome.Value, ct);
        return await ApplicationSave.SaveAsync(db, application.Id.Value, ct);
    }

    /// <summary>Fills the application from the form and, when asked, submits it: the status change made, or null for a draft.</summary>
    private async Task<Outcome<StatusChange?>> ApplyAsync(Application application, Domain.Territories.Commune commune, ApplicationInput input, bool submit, CancellationToken ct)
    {
        var parsed = ApplicationForm.Parse(input, commune, await queries.SectorIdsAsync(commune.Code, ct),
            await queries.GridQuestionsAsync(commune.Code, ct));
        var choices = await queries.ChoicesAsync(commune.Code, parsed.Address.SectorId, ct);
        var checkedByDomain = ApplicationRules.Check(parsed.Request, choices, Today)
            .Concat(ApplicationForm.AddressProblems(parsed.Address))
            .Concat(parsed.Consent ? [] : [Problem.Of("application-consent-missing", "Consent")]);
        var problems = ApplicationForm.Merge(parsed.Problems, checkedByDomain, draft: !submit);
        if (problems.Count > 0) return Outcome<StatusChange?>.Failure(problems);

        var filled = application.Fill(parsed.Request, parsed.Address, parsed.Consent, Now);
        if (!filled.IsSuccess) return Outcome<StatusChange?>.Failure(filled.Problems);
        if (!submit) return Outcome<StatusChange?>.Success(null);
        var submitted = application.Submit(choices, Today, Now, UserId);
        return submitted.IsSuccess ? submitted.Value : Outcome<StatusChange?>.Failure(submitted.Problems);
    }

    private async Task SubmittedAsync(Application application, StatusChange? change, CancellationToken ct)
    {
        if (change is null) return;
        audit.Record(ApplicationAudit.StatusChanged, ApplicationAudit.EntityType, application.Id.ToString(), ApplicationAudit.Describe(change));
        await events.ChangedAsync(application, change, ct);
    }

    /// <summary>
    /// Numbers the application in its commune and year and inserts it, in one transaction: the caller's (the API's, which
    /// holds its Idempotency-Key claim) or one opened here. The number comes from the commune's counter row
    /// (<see cref="ReferenceCounters"/>), so concurrent creations from any entry point get consecutive numbers, and a
    /// creation rolled back gives its number back.
    /// </summary>
    private async Task<Outcome<NewApplication>> SaveNewAsync(Application application, CancellationToken ct)
    {
        await using var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var number = await ReferenceCounters.NextAsync(db, application.CommuneCode, application.CreatedAt.Year, ct);
        application.Reference = ApplicationReference.Format(application.CommuneCode, application.CreatedAt.Year, number);
        try
        {
            await db.SaveChangesAsync(ct);
            if (owned is not null) await owned.CommitAsync(ct);
            return new NewApplication(application.Id.Value, AlreadySaved: false);
        }
        catch (DbUpdateException) when (owned is not null)
        {
            // The same form posted twice at once: the unique creation key refused this copy, the other post saved it.
            // (Through the API the Idempotency-Key claim, taken first, already makes the twin wait.)
            await owned.RollbackAsync(ct);
            if (await CreatedWithAsync(application.CreationKey, ct) is { } earlier) return earlier;
            throw;
        }
    }

    /// <summary>The audit line says what was written, without personal details: the status and the number of wishes.</summary>
    private static string Audited(Application a) => $"{a.Status.Label()}, {a.Wishes.Count} vœu(x)";
}

/// <summary>The application created, or found already created by the same form.</summary>
public sealed record NewApplication(Guid Id, bool AlreadySaved);
