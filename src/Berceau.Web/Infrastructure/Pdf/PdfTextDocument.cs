using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Berceau.Web.Infrastructure.Pdf;

/// <summary>
/// A plain A4 document of flowing text (title, headings, paragraphs, label–value rows, list items), wrapped to the page
/// width and continued on new pages, each page numbered « Page n sur N » with a footer. Enough for summaries and letters;
/// anything with a layout of its own is printable HTML instead.
/// </summary>
public sealed class PdfTextDocument : IDisposable
{
    private const double Margin = 56.7; // 2 cm
    private const double FooterHeight = 28;
    private const double BodySize = 10.5;
    private const double LineGap = 1.35;
    private const double LabelWidth = 170;

    private readonly PdfDocumentBuilder _builder = new();
    private readonly PdfFonts _fonts;
    private readonly PdfDocumentBuilder.AddedFont _regular;
    private readonly PdfDocumentBuilder.AddedFont _bold;
    private readonly string _footer;
    private readonly List<PdfPageBuilder> _pages = [];
    private PdfPageBuilder _page = null!;
    private double _y;

    public PdfTextDocument(PdfFonts fonts, string title, string footer)
    {
        _fonts = fonts;
        _footer = footer;
        _regular = _builder.AddTrueTypeFont(fonts.Regular.Bytes);
        _bold = _builder.AddTrueTypeFont(fonts.Bold.Bytes);
        _builder.DocumentInformation.Title = title;
        _builder.DocumentInformation.Producer = "Berceau";
        NewPage();
    }

    private double PageWidth => _page.PageSize.Width;
    private double Right => PageWidth - Margin;
    private double Bottom => Margin + FooterHeight;

    public void Title(string text)
    {
        foreach (var line in Wrap(text, 18, _bold, Right - Margin)) Line(line, 18, _bold, Margin);
        _y -= 4;
        _page.SetStrokeColor(80, 80, 80);
        _page.DrawLine(new PdfPoint(Margin, _y), new PdfPoint(Right, _y), 0.8);
        _page.ResetColor();
        _y -= 10;
    }

    /// <summary>A section heading, never alone at the bottom of a page.</summary>
    public void Heading(string text)
    {
        if (_y - 14 - 3 * BodySize * LineGap < Bottom) NewPage();
        else _y -= 10;
        foreach (var line in Wrap(text, 13, _bold, Right - Margin)) Line(line, 13, _bold, Margin);
        _y -= 3;
    }

    public void Paragraph(string text, bool bold = false)
    {
        foreach (var line in Wrap(text, BodySize, bold ? _bold : _regular, Right - Margin)) Line(line, BodySize, bold ? _bold : _regular, Margin);
        _y -= 4;
    }

    /// <summary>A row « label | value »: the label in bold on the left, the value wrapped beside it.</summary>
    public void Field(string label, string? value)
    {
        var labels = Wrap(label, BodySize, _bold, LabelWidth - 8);
        var values = Wrap(string.IsNullOrWhiteSpace(value) ? "Non indiqué" : value, BodySize, _regular, Right - Margin - LabelWidth);
        for (var i = 0; i < Math.Max(labels.Count, values.Count); i++)
        {
            EnsureRoom(BodySize * LineGap);
            _y -= BodySize * LineGap;
            if (i < labels.Count) Draw(labels[i], BodySize, _bold, Margin);
            if (i < values.Count) Draw(values[i], BodySize, _regular, Margin + LabelWidth);
        }
        _y -= 2;
    }

    /// <summary>A list item with a hanging marker (« 1. », « – »), wrapped under its own text.</summary>
    public void Item(string marker, string text, string? detail = null)
    {
        const double indent = 22;
        var lines = Wrap(text, BodySize, _regular, Right - Margin - indent);
        for (var i = 0; i < lines.Count; i++)
        {
            EnsureRoom(BodySize * LineGap);
            _y -= BodySize * LineGap;
            if (i == 0) Draw(marker, BodySize, _regular, Margin);
            Draw(lines[i], BodySize, _regular, Margin + indent);
        }
        if (detail is not null)
            foreach (var line in Wrap(detail, BodySize - 1.5, _regular, Right - Margin - indent)) Line(line, BodySize - 1.5, _regular, Margin + indent, grey: true);
        _y -= 3;
    }

    public byte[] Build()
    {
        for (var i = 0; i < _pages.Count; i++)
        {
            var page = _pages[i];
            page.SetTextAndFillColor(90, 90, 90);
            var number = Clean($"Page {i + 1} sur {_pages.Count}", _fonts.Regular);
            var numberWidth = Width(page, number, 8.5, _regular);
            page.AddText(number, 8.5, new PdfPoint(page.PageSize.Width - Margin - numberWidth, Margin), _regular);
            var footer = Wrap(_footer, 8.5, _regular, page.PageSize.Width - 2 * Margin - numberWidth - 16).FirstOrDefault() ?? "";
            page.AddText(footer, 8.5, new PdfPoint(Margin, Margin), _regular);
            page.ResetColor();
        }
        return _builder.Build();
    }

    public void Dispose() => _builder.Dispose();

    private void NewPage()
    {
        _page = _builder.AddPage(PageSize.A4);
        _pages.Add(_page);
        _y = _page.PageSize.Height - Margin;
    }

    private void EnsureRoom(double height)
    {
        if (_y - height < Bottom) NewPage();
    }

    private void Line(string text, double size, PdfDocumentBuilder.AddedFont font, double x, bool grey = false)
    {
        EnsureRoom(size * LineGap);
        _y -= size * LineGap;
        if (grey) _page.SetTextAndFillColor(80, 80, 80);
        Draw(text, size, font, x);
        if (grey) _page.ResetColor();
    }

    private void Draw(string text, double size, PdfDocumentBuilder.AddedFont font, double x)
    {
        if (text.Length > 0) _page.AddText(text, size, new PdfPoint(x, _y), font);
    }

    /// <summary>Greedy word wrap measured with the font itself; a word longer than the line is cut.</summary>
    private List<string> Wrap(string text, double size, PdfDocumentBuilder.AddedFont font, double width)
    {
        var face = font == _bold ? _fonts.Bold : _fonts.Regular;
        var lines = new List<string>();
        foreach (var paragraph in Clean(text, face).Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Width(_page, candidate, size, font) <= width) { line.Clear().Append(candidate); continue; }
                if (line.Length > 0) lines.Add(line.ToString());
                line.Clear();
                var rest = word;
                while (Width(_page, rest, size, font) > width && rest.Length > 1)
                {
                    var cut = rest.Length - 1;
                    while (cut > 1 && Width(_page, rest[..cut], size, font) > width) cut--;
                    lines.Add(rest[..cut]);
                    rest = rest[cut..];
                }
                line.Append(rest);
            }
            lines.Add(line.ToString());
        }
        return lines;
    }

    private static double Width(PdfPageBuilder page, string text, double size, PdfDocumentBuilder.AddedFont font)
    {
        if (text.Length == 0) return 0;
        var letters = page.MeasureText(text, size, new PdfPoint(0, 0), font);
        return letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
    }

    /// <summary>Control characters become spaces, characters the font cannot draw become « ? ».</summary>
    private static string Clean(string text, PdfFonts.Face face)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r\n", "\n", StringComparison.Ordinal))
            clean.Append(c switch
            {
                '\n' => '\n',
                '\u00A0' or '\u202F' or '\t' => ' ',
                _ when char.IsControl(c) || char.IsSurrogate(c) => ' ',
                _ when !face.CanDraw(c) => '?',
                _ => c,
            });
        return clean.ToString();
    }
}
