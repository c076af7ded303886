using System.Net;
using System.Text;
using Berceau.Domain.Observatory;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Observatory.Dashboard;
using Berceau.Web.Infrastructure;
using Berceau.Web.Tests.Features.Childminders;
using Berceau.Web.Tests.Support;
using ClosedXML.Excel;

namespace Berceau.Web.Tests.Security;

/// <summary>
/// Formula injection in the CSV and XLSX exports: a text cell that a spreadsheet would run (= + - @) is written with a
/// leading apostrophe (<see cref="SpreadsheetText"/>), in every export whose text comes from someone's typing — the
/// meeting's attendance list (names typed by anonymous visitors), the childminders' availability feed (open data), the
/// occasional-care statement and the observatory's tables; numbers stay numbers.
/// </summary>
[Collection(SecurityCollection.Name)]
[Trait("Category", "Database")]
public sealed class ExportInjectionTests(BerceauApp app)
{
    public const string Formula = "=HYPERLINK(\"https://example.invalid/vol\";\"Cliquez\")";

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+33 1 23", "'+33 1 23")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("Awa Diallo", "Awa Diallo")]
    [InlineData("Saint-Denis", "Saint-Denis")]
    [InlineData("", "")]
    public void SpreadsheetText_PrefixesWhatASpreadsheetWouldRun(string text, string expected) =>
        Assert.Equal(expected, SpreadsheetText.Safe(text));

    [Fact]
    public void ObservatoryTable_CsvAndXlsx_NeutraliseFormulasInText_AndKeepNegativeNumbers()
    {
        var table = new IndicatorTable("test", "Test", "%", "source", null,
            [IndicatorColumn.Text("=Territoire"), IndicatorColumn.Rate("Taux")],
            [new IndicatorRow([IndicatorCell.Of(Formula), IndicatorCell.Of(-3.5m)])]);

        var csv = Encoding.UTF8.GetString(IndicatorExport.Csv(table));
        using var workbook = new XLWorkbook(new MemoryStream(IndicatorExport.Xlsx(table)));
        var sheet = workbook.Worksheet(1);

        Assert.Contains("'=Territoire;Taux", csv, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"https://example.invalid/vol\"\";\"\"Cliquez\"\")\";-3,5", csv, StringComparison.Ordinal);
        Assert.False(sheet.Cell(1, 1).HasFormula);
        Assert.False(sheet.Cell(2, 1).HasFormula);
        // ClosedXML reads the apostrophe as Excel does, "this is text": a text cell showing the typed text, not a formula.
        Assert.Equal(XLDataType.Text, sheet.Cell(2, 1).DataType);
        Assert.Equal(Formula, sheet.Cell(2, 1).GetString());
        Assert.Equal(-3.5, sheet.Cell(2, 2).GetDouble());
    }

    [Fact]
    public void SurveyResults_TitleOptionsAndFreeTextsTyped_AreNotFormulas_OnEitherSheetOfTheXlsx()
    {
        // A survey's title is typed by its staff, its options too, and its free texts by anyone holding a link; the title is
        // written on the XLSX's « Source » sheet, outside the table's cells.
        var today = new DateOnly(2026, 11, 24);
        var survey = Domain.Surveys.Survey.Create(new Domain.Surveys.SurveyDetails(Formula, null, Domain.Surveys.SurveyAudience.Families, today, today.AddDays(10)),
            "93", "93048", today, DateTimeOffset.UnixEpoch, "agent").Value;
        var choice = survey.AddQuestion(new Domain.Surveys.QuestionDraft(Domain.Surveys.QuestionKind.SingleChoice, "Votre avis ?", $"{Formula}\n+33 1 23", true), 0).Value;
        var text = survey.AddQuestion(new Domain.Surveys.QuestionDraft(Domain.Surveys.QuestionKind.FreeText, "Une remarque ?", null, false), 0).Value;
        var answers = Enumerable.Range(0, 5).SelectMany(_ => { var r = Guid.NewGuid(); return new[]
        {
            new Domain.Surveys.SurveyAnswer { ResponseId = r, QuestionId = choice.Id, Choice = 0 },
            new Domain.Surveys.SurveyAnswer { ResponseId = r, QuestionId = text.Id, Text = "@SUM(A1)" },
        }; }).ToList();
        var table = Berceau.Web.Features.Surveys.SurveyDisplay.Export(survey, Domain.Surveys.SurveyResults.Compute(survey, 5, answers));

        using var workbook = new XLWorkbook(new MemoryStream(IndicatorExport.Xlsx(table)));
        var risky = workbook.Worksheets.SelectMany(sheet => sheet.CellsUsed())
            .Where(cell => cell.DataType == XLDataType.Text && "=+-@".Contains(cell.GetString()[0], StringComparison.Ordinal)).ToList();
        Assert.Contains(risky, cell => cell.Worksheet.Name == "Source" && cell.GetString() == Formula);
        Assert.All(risky, cell =>
        {
            Assert.False(cell.HasFormula);
            // ClosedXML reads SpreadsheetText's leading apostrophe as Excel does: a quote prefix, "this is text".
            Assert.True(cell.Style.IncludeQuotePrefix, $"{cell.Worksheet.Name}!{cell.Address} : « {cell.GetString()} » sans apostrophe");
        });
    }

    [Fact]
    public async Task MeetingAttendanceList_NameTypedByAnAnonymousVisitor_IsNotAFormula_AndTheFileIsNeverRunAsAPage()
    {
        using var staff = await Intruders.EveryRoleAsync(app);
        var meeting = await Features.Meetings.MeetingTestData.MeetingAsync(app, commune: VictimWorld.Commune);
        using var registered = await Forms.PostFormAsync(app.Client(), $"/reunions/{meeting.Id}/inscription",
            ("Input.Attendees", "1"), ("Input.Name", Formula), ("Input.Email", $"csv.{Guid.NewGuid():N}@test.berceau.fr"), ("Input.Consent", "true"));
        Assert.True(registered.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", await Forms.ErrorSummaryAsync(registered)));

        using var export = await staff.GetAsync($"/pro/reunions/{meeting.Id}/export");
        var csv = await export.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", export.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", export.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("\n\"'=HYPERLINK(", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\"=HYPERLINK(", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChildminderAvailabilityFeed_NameOfTheChildminder_IsNotAFormula()
    {
        var facility = ChildminderTestData.Childminder("@SUM(1+1)*cmd|' /C calc'!A0");
        facility.Vacancies.Add(new Vacancy
        {
            Places = 1, From = new DateOnly(2026, 11, 23), MinAgeMonths = 6, MaxAgeMonths = 30,
            Days = WeekDays.Monday, DeclaredAt = BerceauApp.Now.AddDays(-1), DeclaredBy = "test",
        });
        await app.SaveAsync(facility);

        var csv = await app.Client().GetStringAsync($"/api/v1/disponibilites-am?commune={facility.CommuneCode}&format=csv");

        Assert.Contains(";'@SUM(1+1)*cmd|' /C calc'!A0;", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(";@SUM(", csv, StringComparison.Ordinal);
    }
}
