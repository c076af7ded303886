using System.Globalization;
using System.Text;
using Berceau.Web.Infrastructure;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Meetings.Staff;

/// <summary>
/// The attendance list as CSV (UTF-8 with a byte order mark so that a spreadsheet opens the accents right, semicolons as
/// French spreadsheets expect), for the sign-in sheet or the relais's statistics. Each download is audited.
/// </summary>
[Authorize(Policy = WebServices.StaffPolicy)]
public sealed class ExportModel(MeetingForms forms, MeetingQueries queries, AuditLog audit) : PageModel
{
    public static readonly string[] Header = ["nom", "email", "personnes", "inscritLe", "present", "compteFamille"];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await forms.FindAsync(id, tracked: false, ct) is not { } meeting) return NotFound();
        var rows = await queries.AttendanceAsync(id, ct);
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" }))
        {
            foreach (var name in Header) csv.WriteField(name);
            await csv.NextRecordAsync();
            foreach (var r in rows)
            {
                csv.WriteField(SpreadsheetText.Safe(r.Name));
                csv.WriteField(SpreadsheetText.Safe(r.Email));
                csv.WriteField(r.Attendees);
                csv.WriteField(ParisTime.Of(r.RegisteredAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
                csv.WriteField(r.Present switch { true => "oui", false => "non", null => "" });
                csv.WriteField(r.HasAccount ? "oui" : "non");
                await csv.NextRecordAsync();
            }
        }
        audit.Record(MeetingAudit.Exported, MeetingAudit.MeetingEntity, id.ToString(), $"{rows.Count} inscription(s)");
        await audit.RecordReadAsync(MeetingAudit.MeetingEntity, id.ToString(), ct);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"inscrits-{meeting.Date:yyyy-MM-dd}-{id.ToString()[..8]}.csv");
    }
}
