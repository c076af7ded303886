using System.Globalization;
using System.Text;

namespace Berceau.Domain.Governance;

/// <summary>One meeting as a calendar sees it; times are instants (written in UTC in the file).</summary>
public sealed record CalendarEvent(
    string Uid, int Sequence, DateTimeOffset Start, DateTimeOffset End, string Summary, string? Description, string? Location, string? Url,
    string OrganizerEmail, string OrganizerName, string AttendeeEmail, string? AttendeeName, DateTimeOffset Stamp);

/// <summary>
/// The iCalendar (RFC 5545) invitation attached to the e-mails of a meeting, with the iTIP method (RFC 5546): REQUEST for an
/// invitation or an update, CANCEL for a cancellation. The UID is the same for every message about a meeting and SEQUENCE grows
/// with each change, so that the recipient's calendar replaces (or removes) the event it holds instead of adding another.
/// Times are written in UTC (« 20261201T130000Z »), which needs no VTIMEZONE block; text values are escaped (\\ ; , and new
/// lines) and lines longer than 75 octets are folded (CRLF then a space), never inside a UTF-8 character.
/// </summary>
public static class MeetingCalendar
{
    public const string ContentTypeRequest = "text/calendar; method=REQUEST; charset=UTF-8";
    public const string ContentTypeCancel = "text/calendar; method=CANCEL; charset=UTF-8";
    public const string FileName = "invitation.ics";
    private const int MaxLineOctets = 75;

    public static string Request(CalendarEvent e) => Build(e, cancel: false);

    public static string Cancel(CalendarEvent e) => Build(e, cancel: true);

    private static string Build(CalendarEvent e, bool cancel)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Berceau//Gouvernance du schema//FR",
            "CALSCALE:GREGORIAN",
            "METHOD:" + (cancel ? "CANCEL" : "REQUEST"),
            "BEGIN:VEVENT",
            "UID:" + Escape(e.Uid),
            "SEQUENCE:" + e.Sequence.ToString(CultureInfo.InvariantCulture),
            "DTSTAMP:" + Utc(e.Stamp),
            "DTSTART:" + Utc(e.Start),
            "DTEND:" + Utc(e.End),
            "SUMMARY:" + Escape(e.Summary),
        };
        if (e.Description is { } d) lines.Add("DESCRIPTION:" + Escape(d));
        if (e.Location is { } l) lines.Add("LOCATION:" + Escape(l));
        if (e.Url is { } u) lines.Add("URL:" + u);
        lines.Add($"ORGANIZER;CN={Parameter(e.OrganizerName)}:mailto:{e.OrganizerEmail}");
        lines.Add((e.AttendeeName is { } n ? $"ATTENDEE;CN={Parameter(n)};" : "ATTENDEE;")
            + $"ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:{e.AttendeeEmail}");
        lines.Add("STATUS:" + (cancel ? "CANCELLED" : "CONFIRMED"));
        lines.Add("TRANSP:OPAQUE");
        lines.Add("END:VEVENT");
        lines.Add("END:VCALENDAR");
        var text = new StringBuilder();
        foreach (var line in lines) text.Append(Fold(line));
        return text.ToString();
    }

    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and new lines escaped; other control characters dropped.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'))
        {
            switch (c)
            {
                case '\\': escaped.Append(@"\\"); break;
                case ';': escaped.Append(@"\;"); break;
                case ',': escaped.Append(@"\,"); break;
                case '\n': escaped.Append(@"\n"); break;
                default:
                    if (!char.IsControl(c)) escaped.Append(c);
                    break;
            }
        }
        return escaped.ToString();
    }

    /// <summary>A parameter value (CN): quoted, without the characters a quoted value cannot hold (DQUOTE, controls).</summary>
    private static string Parameter(string text) => "\"" + new string([.. text.Where(c => c != '"' && !char.IsControl(c))]) + "\"";

    /// <summary>A content line ended by CRLF, folded every 75 octets (RFC 5545 §3.1): continuation lines start with one space.</summary>
    public static string Fold(string line)
    {
        var folded = new StringBuilder();
        var octets = 0;
        var limit = MaxLineOctets;
        for (var i = 0; i < line.Length; i++)
        {
            var length = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, length));
            if (octets + size > limit)
            {
                folded.Append("\r\n ");
                octets = 0;
                // The space of a continuation line counts in its 75 octets.
                limit = MaxLineOctets - 1;
            }
            folded.Append(line, i, length);
            octets += size;
            i += length - 1;
        }
        return folded.Append("\r\n").ToString();
    }
}
