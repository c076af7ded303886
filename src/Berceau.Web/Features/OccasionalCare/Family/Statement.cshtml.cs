using System.Globalization;
using System.Text;
using Berceau.Domain.OccasionalCare;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Mvc;

namespace Berceau.Web.Features.OccasionalCare.Family;

/// <summary>The family's monthly statement: every booking of the month, what is billed and the total; printable, and as CSV.</summary>
public sealed class StatementModel(OccasionalQueries queries) : FamilyPage
{
    [BindProperty(SupportsGet = true, Name = "mois")]
    public string? Month { get; set; }

    [BindProperty(SupportsGet = true, Name = "format")]
    public string? Format { get; set; }

    public Statement Statement { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = queries.Today;
        var (year, month) = (today.Year, today.Month);
        if (!string.IsNullOrWhiteSpace(Month))
        {
            if (DateOnly.TryParseExact(Month.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
                && first.Year is >= 2000 and <= 2200)
                (year, month) = (first.Year, first.Month);
            else
                ModelState.AddModelError(nameof(Month), Domain.Common.Messages.Get("occ-month"));
        }
        Month = $"{year:0000}-{month:00}";
        Statement = await queries.StatementAsync(FamilyUserId, year, month, ct);
        if (Format == "csv" && ModelState.IsValid)
            return File(Csv(Statement), "text/csv; charset=utf-8", $"releve-accueil-occasionnel-{Month}.csv");
        return Page();
    }

    private static readonly string[] Headers =
        ["date", "debut", "fin", "creche", "section", "enfant", "heures", "tarif_horaire", "prix", "statut", "facture"];

    /// <summary>Semicolon-separated, invariant numbers (point decimal), UTF-8 — like the other exports; the last line is the total.</summary>
    public static byte[] Csv(Statement statement)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" }))
        {
            foreach (var header in Headers) csv.WriteField(header);
            csv.NextRecord();
            foreach (var r in statement.Rows)
            {
                var b = r.Booking;
                csv.WriteField(b.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                csv.WriteField(b.StartsAt.ToString("HH:mm", CultureInfo.InvariantCulture));
                csv.WriteField(b.EndsAt.ToString("HH:mm", CultureInfo.InvariantCulture));
                csv.WriteField(SpreadsheetText.Safe(r.FacilityName));
                csv.WriteField(SpreadsheetText.Safe(r.SectionName));
                csv.WriteField(SpreadsheetText.Safe(r.ChildName));
                csv.WriteField(b.Hours.ToString("0.##", CultureInfo.InvariantCulture));
                csv.WriteField(b.HourlyFee.ToString("0.00", CultureInfo.InvariantCulture));
                csv.WriteField(b.Price.ToString("0.00", CultureInfo.InvariantCulture));
                csv.WriteField(b.Status.Label());
                csv.WriteField(b.Billed.ToString("0.00", CultureInfo.InvariantCulture));
                csv.NextRecord();
            }
            csv.WriteField("total");
            for (var i = 1; i < Headers.Length - 1; i++) csv.WriteField(i == 6 ? statement.BilledHours.ToString("0.##", CultureInfo.InvariantCulture) : "");
            csv.WriteField(statement.Total.ToString("0.00", CultureInfo.InvariantCulture));
            csv.NextRecord();
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
