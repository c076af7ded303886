using System.Globalization;
using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Domain.Fees;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Admin.FeeParameters;

/// <summary>A new value of one parameter, from a date (typed as text, so that what was typed is shown back on error).</summary>
public sealed record FeeParameterInput
{
    public string? Key { get; init; }
    public string? ValidFrom { get; init; }
    public string? Value { get; init; }
    public string? Source { get; init; }
}

/// <summary>
/// Adds a value of a fee parameter from a date. The value in force until then stops the day before, so that on any day
/// exactly one value applies: the history is kept, since past fees were computed with the values of their time.
/// </summary>
public sealed class AddFeeParameter(BerceauDbContext db, AuditLog audit)
{
    public const int MaxSourceLength = 300;
    public const int MaxDecimals = 6;
    public const decimal MaxRate = 0.01m;
    public const decimal MaxMultiplier = 10m;

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public async Task<Outcome<FeeParameter>> RunAsync(FeeParameterInput input, CancellationToken ct = default)
    {
        var problems = new List<Problem>();
        var info = Key(input.Key, problems);
        var validFrom = Date(input.ValidFrom, problems);
        var value = Value(input.Value, info, problems);
        var source = input.Source?.Trim();
        if (string.IsNullOrEmpty(source))
            problems.Add(Problem.Of("source-required", nameof(FeeParameterInput.Source)));
        else if (source.Length > MaxSourceLength)
            problems.Add(Problem.Of("too-long", nameof(FeeParameterInput.Source), MaxSourceLength));

        FeeParameter? latest = null;
        if (info is not null && validFrom is { } from)
        {
            var history = await db.FeeParameters.AsNoTracking().Where(p => p.Key == info.Key).ToListAsync(ct);
            latest = history.MaxBy(p => p.ValidFrom);
            if (latest is not null && from <= latest.ValidFrom)
                problems.Add(Problem.Of("fee-date-not-after", nameof(FeeParameterInput.ValidFrom), latest.ValidFrom));
            else if (latest?.ValidTo is { } end && from > end.AddDays(1))
                problems.Add(Problem.Of("fee-period-gap", nameof(FeeParameterInput.ValidFrom), end, end.AddDays(1)));
            if (value is { } v && await InconsistencyAsync(info.Key, from, v, ct) is { } inconsistency)
                problems.Add(inconsistency);
        }
        if (problems.Count > 0) return Outcome<FeeParameter>.Failure(problems);

        var added = new FeeParameter(info!.Key, validFrom!.Value, null, value!.Value, source!);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (latest is not null && (latest.ValidTo is null || latest.ValidTo >= added.ValidFrom))
        {
            // Conditional on the end date read above: if another admin changed this period meanwhile, nothing is
            // updated and the addition is refused rather than leaving two values in force on the same days.
            var closedOn = added.ValidFrom.AddDays(-1);
            var previousEnd = latest.ValidTo;
            var updated = await db.FeeParameters
                .Where(p => p.Key == latest.Key && p.ValidFrom == latest.ValidFrom && p.ValidTo == previousEnd)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.ValidTo, (DateOnly?)closedOn), ct);
            if (updated != 1) return Conflict(latest.ValidFrom);
        }
        db.FeeParameters.Add(added);
        audit.Record("parametre-tarifaire-ajoute", FeeAudit.Entity, $"{added.Key}@{added.ValidFrom:yyyy-MM-dd}",
            $"valeur {added.Value.ToString(CultureInfo.InvariantCulture)} à partir du {added.ValidFrom:yyyy-MM-dd} ; source : {added.Source}"
            + (latest is null ? "" : $" ; valeur précédente {latest.Value.ToString(CultureInfo.InvariantCulture)} (depuis le {latest.ValidFrom:yyyy-MM-dd}) arrêtée le {added.ValidFrom.AddDays(-1):yyyy-MM-dd}"));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same key and date were just added by someone else (primary key).
            db.ChangeTracker.Clear();
            return Conflict(added.ValidFrom);
        }
        await transaction.CommitAsync(ct);
        return added;
    }

    private static FeeKeyInfo? Key(string? key, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            problems.Add(Problem.Of("required", nameof(FeeParameterInput.Key)));
            return null;
        }
        var info = FeeParameterKeys.IsKnown(key) ? FeeParameterLabels.Find(key) : null;
        if (info is null) problems.Add(Problem.Of("unknown-value", nameof(FeeParameterInput.Key)));
        return info;
    }

    /// <summary>Accepts 01/01/2027 (as typed in France) and 2027-01-01 (as browsers' date fields send it).</summary>
    internal static DateOnly? Date(string? text, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(Problem.Of("date-required", nameof(FeeParameterInput.ValidFrom)));
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        problems.Add(Problem.Of("not-a-date", nameof(FeeParameterInput.ValidFrom)));
        return null;
    }

    /// <summary>Accepts the French decimal comma and the point; the range depends on what the parameter is.</summary>
    internal static decimal? Value(string? text, FeeKeyInfo? info, List<Problem> problems)
    {
        const string field = nameof(FeeParameterInput.Value);
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(Problem.Of("value-required", field));
            return null;
        }
        var cleaned = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '\u202f').ToArray()).Replace(',', '.');
        if (!decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            problems.Add(Problem.Of("not-a-number", field));
            return null;
        }
        if (value.Scale > MaxDecimals && value != Math.Round(value, MaxDecimals))
        {
            problems.Add(Problem.Of("too-many-decimals", field, MaxDecimals));
            return null;
        }
        var problem = info?.Kind switch
        {
            FeeValueKind.Rate when value <= 0m || value > MaxRate => Problem.Of("out-of-range", field, 0, MaxRate.ToString(French)),
            FeeValueKind.Share when value < 0m || value > 1m => Problem.Of("out-of-range", field, 0, 1),
            FeeValueKind.Multiplier when value <= 0m || value > MaxMultiplier => Problem.Of("out-of-range", field, 0, MaxMultiplier),
            FeeValueKind.MonthlyAmount or FeeValueKind.HourlyAmount when value <= 0m => Problem.Of("must-be-positive", field),
            _ => null,
        };
        if (problem is not null)
        {
            problems.Add(problem);
            return null;
        }
        return value;
    }

    /// <summary>The plancher may not exceed the plafond in force on the same day, nor the plafond fall below the plancher.</summary>
    private async Task<Problem?> InconsistencyAsync(string key, DateOnly from, decimal value, CancellationToken ct)
    {
        var other = key switch
        {
            FeeParameterKeys.PsuFloor => FeeParameterKeys.PsuCeiling,
            FeeParameterKeys.PsuCeiling => FeeParameterKeys.PsuFloor,
            _ => null,
        };
        if (other is null) return null;
        var inForce = (await db.FeeParameters.AsNoTracking().Where(p => p.Key == other).ToListAsync(ct))
            .FirstOrDefault(p => p.IsInForceOn(from));
        if (inForce is null) return null;
        var floorAboveCeiling = key == FeeParameterKeys.PsuFloor ? value > inForce.Value : inForce.Value > value;
        if (!floorAboveCeiling) return null;
        var floor = FeeParameterLabels.Find(FeeParameterKeys.PsuFloor)!.Label;
        var ceiling = FeeParameterLabels.Find(FeeParameterKeys.PsuCeiling)!.Label;
        return Problem.Of("parameter-inconsistent", nameof(FeeParameterInput.Value), floor, ceiling, from.ToString("dd/MM/yyyy", French));
    }

    private static Outcome<FeeParameter> Conflict(DateOnly validFrom) =>
        Problem.Of("fee-parameter-conflict", "", validFrom);
}

public static class FeeAudit
{
    public const string Entity = "parametre-tarifaire";
}
