using Berceau.Domain.Governance;

namespace Berceau.Domain.Tests.Governance;

/// <summary>The iCalendar text, checked by hand against RFC 5545 (escaping §3.3.11, folding §3.1) and RFC 5546 (METHOD).</summary>
public sealed class MeetingCalendarTests
{
    private static CalendarEvent Event(string? url = "https://berceau.example/pro/schema/reunions/x") => new(
        "abc@berceau.instances", 2,
        new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.FromHours(1)), new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.FromHours(1)),
        "Comité – handicap, suivi; point", "Ordre du jour :\n1. Point\\2", "Salle 1, Bobigny", url,
        "ne-pas-repondre@berceau.localhost", "Berceau", "marie@caf.fr", "Marie \"Dupont\"", new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void AnInvitation_IsTheExpectedText()
    {
        var expected =
            "BEGIN:VCALENDAR\r\n" +
            "VERSION:2.0\r\n" +
            "PRODID:-//Berceau//Gouvernance du schema//FR\r\n" +
            "CALSCALE:GREGORIAN\r\n" +
            "METHOD:REQUEST\r\n" +
            "BEGIN:VEVENT\r\n" +
            "UID:abc@berceau.instances\r\n" +
            "SEQUENCE:2\r\n" +
            "DTSTAMP:20261123T090000Z\r\n" +
            "DTSTART:20261201T130000Z\r\n" +
            "DTEND:20261201T150000Z\r\n" +
            "SUMMARY:Comité – handicap\\, suivi\\; point\r\n" +
            "DESCRIPTION:Ordre du jour :\\n1. Point\\\\2\r\n" +
            "LOCATION:Salle 1\\, Bobigny\r\n" +
            "URL:https://berceau.example/pro/schema/reunions/x\r\n" +
            "ORGANIZER;CN=\"Berceau\":mailto:ne-pas-repondre@berceau.localhost\r\n" +
            // 9 + 18 + 21 + 22 + 5 = 75 octets, then the rest on a continuation line that starts with one space.
            "ATTENDEE;CN=\"Marie Dupont\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=\r\n" +
            " FALSE:mailto:marie@caf.fr\r\n" +
            "STATUS:CONFIRMED\r\n" +
            "TRANSP:OPAQUE\r\n" +
            "END:VEVENT\r\n" +
            "END:VCALENDAR\r\n";
        Assert.Equal(expected, MeetingCalendar.Request(Event()));
    }

    [Fact]
    public void ACancellation_HasTheSameUid_TheMethodCancel_AndStatusCancelled()
    {
        var text = MeetingCalendar.Cancel(Event(url: null));
        Assert.Contains("\r\nMETHOD:CANCEL\r\n", text);
        Assert.Contains("\r\nUID:abc@berceau.instances\r\n", text);
        Assert.Contains("\r\nSEQUENCE:2\r\n", text);
        Assert.Contains("\r\nSTATUS:CANCELLED\r\n", text);
        Assert.DoesNotContain("URL:", text);
        Assert.DoesNotContain("METHOD:REQUEST", text);
    }

    [Fact]
    public void Text_EscapesBackslashSemicolonCommaAndNewLines_AndDropsOtherControls()
    {
        Assert.Equal(@"a\\b\;c\,d\ne\nf\ng", MeetingCalendar.Escape("a\\b;c,d\ne\r\nf\rg"));
        Assert.Equal("ab", MeetingCalendar.Escape("a\u0007b"));
    }

    [Fact]
    public void Lines_AreFoldedEvery75Octets_TheContinuationSpaceCounting()
    {
        Assert.Equal(new string('X', 75) + "\r\n", MeetingCalendar.Fold(new string('X', 75)));
        Assert.Equal(new string('X', 75) + "\r\n " + new string('X', 5) + "\r\n", MeetingCalendar.Fold(new string('X', 80)));
        Assert.Equal(new string('X', 75) + "\r\n " + new string('X', 74) + "\r\n " + "X\r\n", MeetingCalendar.Fold(new string('X', 150)));
    }

    [Fact]
    public void Folding_NeverCutsAUtf8Character()
    {
        // « SUMMARY: » is 8 octets and « é » 2: 33 of them fit in the first 75 octets (74), the 34th would make 76.
        var folded = MeetingCalendar.Fold("SUMMARY:" + new string('é', 40));
        Assert.Equal("SUMMARY:" + new string('é', 33) + "\r\n " + new string('é', 7) + "\r\n", folded);
        foreach (var line in folded.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
            Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75);
        // An emoji (4 octets, a surrogate pair) is never split either.
        var emoji = MeetingCalendar.Fold(new string('X', 73) + "😀");
        Assert.Equal(new string('X', 73) + "\r\n 😀\r\n", emoji);
    }
}
