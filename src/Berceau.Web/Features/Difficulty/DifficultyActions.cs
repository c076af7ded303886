using System.Globalization;
using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Domain.Difficulty;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Applications.Staff;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Difficulty;

// Forms bind text, never the entities: the handlers read and check each value and say what is wrong in French.

public sealed record SignalInput
{
    public string? Kind { get; set; }
    public string? On { get; set; }
    public string? Percent { get; set; }
    public string? Note { get; set; }
}

public sealed record LiftInput
{
    public Guid Signal { get; set; }
    public string? LiftOn { get; set; }
    public string? LiftNote { get; set; }
}

public sealed record OpenCaseInput
{
    public string? Origin { get; set; }
    public string? Reason { get; set; }
}

public sealed record CaseActionInput
{
    public int Version { get; set; }
    public string? Kind { get; set; }
    public string? On { get; set; }
    public string? Note { get; set; }
    public string? Funder { get; set; }
    public string? Amount { get; set; }
}

public sealed record CaseCloseInput
{
    public int Version { get; set; }
    public string? Outcome { get; set; }
    public string? On { get; set; }
    public string? Note { get; set; }
}

public sealed record CaseReopenInput
{
    public int Version { get; set; }
    public string? Reason { get; set; }
}

/// <summary>
/// What an advisor does: record or lift a signal on a structure, open an accompaniment (from an alert or at the structure's
/// request), log its actions and funding, close it with its outcome, reopen it. Each goes through the domain's verbs, the case's
/// version, and writes its audit line in the same SaveChanges (<see cref="CaseSave"/>, shared with the family follow-up cases).
/// The caller found the structure or the case through the advisor's territory first.
/// </summary>
public sealed class DifficultyActions(BerceauDbContext db, CaseworkAccess who, AuditLog audit)
{
    private const string AlreadyOpen = "accompaniment-already-open";

    public async Task<Outcome<bool>> RecordSignalAsync(StructureStatus structure, SignalInput input, CancellationToken ct)
    {
        var reader = new InputReader();
        SignalKind? kind = Enum.TryParse<SignalKind>(input.Kind, out var k) && Enum.IsDefined(k) ? k : null;
        var on = reader.Date(input.On, nameof(input.On), required: true);
        var percent = kind == SignalKind.Occupancy ? reader.Integer(input.Percent, nameof(input.Percent), 0, 150) : null;
        if (reader.Problems.Count > 0) return Outcome<bool>.Failure(reader.Problems);
        var recorded = StructureSignal.Record(new FacilityId(structure.FacilityId), kind, on, percent, input.Note, who.Today, who.Now, who.UserId);
        if (!recorded.IsSuccess) return Outcome<bool>.Failure(recorded.Problems);
        db.StructureSignals.Add(recorded.Value);
        var s = recorded.Value;
        audit.Record(DifficultyAudit.SignalRecorded, DifficultyAudit.StructureType, structure.FacilityId.ToString(),
            $"{structure.Name} : {s.Kind.Label()} du {OfferDisplay.Date(s.On)}{(s.Percent is { } p ? $" ({p} %)" : "")}{(s.Note is { } n ? " – " + n : "")}");
        return await CaseSave.SaveAsync(db, AlreadyOpen, ct);
    }

    public async Task<Outcome<bool>> LiftSignalAsync(StructureStatus structure, LiftInput input, CancellationToken ct)
    {
        var key = new FacilityId(structure.FacilityId);
        var signal = await db.StructureSignals.FirstOrDefaultAsync(s => s.Id == input.Signal && s.FacilityId == key, ct);
        if (signal is null) return Problem.Of("signal-not-found", "");
        var reader = new InputReader();
        var on = reader.Date(input.LiftOn, nameof(input.LiftOn), required: true);
        if (reader.Problems.Count > 0) return Outcome<bool>.Failure(reader.Problems);
        var lifted = signal.Lift(on, input.LiftNote, who.Today, who.UserId);
        if (!lifted.IsSuccess) return lifted;
        audit.Record(DifficultyAudit.SignalLifted, DifficultyAudit.StructureType, structure.FacilityId.ToString(),
            $"{structure.Name} : {signal.Kind.Label()} du {OfferDisplay.Date(signal.On)} levé le {OfferDisplay.Date(on)} – {signal.LiftNote}");
        return await CaseSave.SaveAsync(db, AlreadyOpen, ct);
    }

    /// <summary>Opens an accompaniment for the structure, refused when it already has one open (checked, and by the unique index).</summary>
    public async Task<Outcome<AccompanimentCaseId>> OpenAsync(StructureStatus structure, OpenCaseInput input, CancellationToken ct)
    {
        if (structure.OpenCaseId is not null) return Problem.Of(AlreadyOpen, "");
        AccompanimentOrigin? origin = Enum.TryParse<AccompanimentOrigin>(input.Origin, out var o) && Enum.IsDefined(o) ? o : null;
        var opened = AccompanimentCase.Open(new FacilityId(structure.FacilityId), structure.CommuneCode, origin, structure.Assessment.Alerts, input.Reason,
            who.Today, who.Now, who.UserId);
        if (!opened.IsSuccess) return Outcome<AccompanimentCaseId>.Failure(opened.Problems);
        db.AccompanimentCases.Add(opened.Value);
        audit.Record(DifficultyAudit.Opened, DifficultyAudit.CaseType, opened.Value.Id.ToString(),
            $"{structure.Name} ({opened.Value.Origin.Label()}) : {opened.Value.Actions[0].Note}");
        var saved = await CaseSave.SaveAsync(db, AlreadyOpen, ct);
        return saved.IsSuccess ? opened.Value.Id : Outcome<AccompanimentCaseId>.Failure(saved.Problems);
    }

    public async Task<Outcome<bool>> RecordAsync(AccompanimentCase c, CaseActionInput input, CancellationToken ct)
    {
        if (input.Version != c.Version) return Problem.Of("concurrency", "");
        var reader = new InputReader();
        AccompanimentActionKind? kind = Enum.TryParse<AccompanimentActionKind>(input.Kind, out var k) && Enum.IsDefined(k) ? k : null;
        var on = reader.Date(input.On, nameof(input.On), required: true);
        var amount = kind == AccompanimentActionKind.FundingMobilised ? Amount(reader, input.Amount) : null;
        if (reader.Problems.Count > 0) return Outcome<bool>.Failure(reader.Problems);
        var recorded = c.Record(kind, on!.Value, input.Note, input.Funder, amount, who.Today, who.Now, who.UserId);
        if (!recorded.IsSuccess) return Outcome<bool>.Failure(recorded.Problems);
        var a = recorded.Value;
        audit.Record(DifficultyAudit.ActionRecorded, DifficultyAudit.CaseType, c.Id.ToString(),
            $"{a.Kind.Label()} du {OfferDisplay.Date(a.On)}{(a.Amount is { } m ? $" : {Euros(m)} ({a.Funder})" : "")}");
        return await CaseSave.SaveAsync(db, AlreadyOpen, ct);
    }

    public async Task<Outcome<bool>> CloseAsync(AccompanimentCase c, CaseCloseInput input, CancellationToken ct)
    {
        if (input.Version != c.Version) return Problem.Of("concurrency", "");
        var reader = new InputReader();
        AccompanimentOutcome? outcome = Enum.TryParse<AccompanimentOutcome>(input.Outcome, out var o) && Enum.IsDefined(o) ? o : null;
        var on = reader.Date(input.On, nameof(input.On), required: true);
        if (outcome is null) reader.Add("accompaniment-outcome-missing", nameof(input.Outcome));
        if (reader.Problems.Count > 0) return Outcome<bool>.Failure(reader.Problems);
        var closed = c.Close(outcome, on!.Value, input.Note, who.Today, who.Now, who.UserId);
        if (!closed.IsSuccess) return Outcome<bool>.Failure(closed.Problems);
        audit.Record(DifficultyAudit.Closed, DifficultyAudit.CaseType, c.Id.ToString(), outcome!.Value.Label());
        return await CaseSave.SaveAsync(db, AlreadyOpen, ct);
    }

    public async Task<Outcome<bool>> ReopenAsync(AccompanimentCase c, CaseReopenInput input, CancellationToken ct)
    {
        if (input.Version != c.Version) return Problem.Of("concurrency", "");
        if (c.Status == AccompanimentStatus.Closed
            && await db.AccompanimentCases.AnyAsync(o => o.FacilityId == c.FacilityId && o.Status == AccompanimentStatus.Open && o.Id != c.Id, ct))
            return Problem.Of(AlreadyOpen, "");
        var reopened = c.Reopen(input.Reason, who.Today, who.Now, who.UserId);
        if (!reopened.IsSuccess) return Outcome<bool>.Failure(reopened.Problems);
        audit.Record(DifficultyAudit.Reopened, DifficultyAudit.CaseType, c.Id.ToString(), reopened.Value.Note);
        return await CaseSave.SaveAsync(db, AlreadyOpen, ct);
    }

    /// <summary>Every read of the list, of a structure's signals or of a case has its audit line (RULES §7), saved before the page shows it.</summary>
    public async Task RecordReadAsync(string action, string type, string? id, string? details, CancellationToken ct)
    {
        audit.Record(action, type, id, details);
        await db.SaveChangesAsync(ct);
    }

    public static string Euros(decimal amount) => amount.ToString("N2", CultureInfo.GetCultureInfo("fr-FR")) + " €";

    private static decimal? Amount(InputReader reader, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var clean = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u202f", "", StringComparison.Ordinal)
            .Replace("\u00a0", "", StringComparison.Ordinal).Replace("€", "", StringComparison.Ordinal).Replace(',', '.');
        if (decimal.TryParse(clean, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)) return amount;
        reader.Add("not-a-number", "Amount");
        return null;
    }
}
