using UglyToad.PdfPig.Fonts.TrueType;
using UglyToad.PdfPig.Fonts.TrueType.Parser;

namespace Berceau.Web.Infrastructure.Pdf;

/// <summary>Where the PDF fonts are read from (configuration section <c>Documents</c>).</summary>
public sealed class PdfFontOptions
{
    /// <summary>
    /// Folder of the DejaVu fonts (Debian package <c>fonts-dejavu-core</c>). The 14 standard PDF fonts only know Latin-1
    /// through a legacy encoding, so accents and ’ or œ would break: every PDF embeds DejaVu Sans instead.
    /// </summary>
    public string FontDirectory { get; set; } = "/usr/share/fonts/truetype/dejavu";
}

/// <summary>
/// The regular and bold faces, read once (about 1 MB together) and shared by every PDF. A missing font is an installation
/// fault, reported with the package to install.
/// </summary>
public sealed class PdfFonts(Microsoft.Extensions.Options.IOptions<PdfFontOptions> options)
{
    public const string RegularFile = "DejaVuSans.ttf";
    public const string BoldFile = "DejaVuSans-Bold.ttf";

    private readonly Lazy<Face> _regular = new(() => Face.Load(Path.Combine(options.Value.FontDirectory, RegularFile)));
    private readonly Lazy<Face> _bold = new(() => Face.Load(Path.Combine(options.Value.FontDirectory, BoldFile)));

    public Face Regular => _regular.Value;
    public Face Bold => _bold.Value;

    /// <summary>A font file and the characters it can draw (a name typed with a rare character must not break the PDF).</summary>
    public sealed class Face
    {
        private readonly TrueTypeFont _parsed;

        private Face(byte[] bytes)
        {
            Bytes = bytes;
            _parsed = TrueTypeFontParser.Parse(new TrueTypeDataBytes(bytes));
        }

        public byte[] Bytes { get; }

        public bool CanDraw(char c) => _parsed.WindowsUnicodeCMap?.CharacterCodeToGlyphIndex(c) is > 0;

        internal static Face Load(string path)
        {
            if (!File.Exists(path))
                throw new InvalidOperationException($"Police introuvable : {path}. Installez le paquet fonts-dejavu-core ou réglez Documents:FontDirectory.");
            return new Face(File.ReadAllBytes(path));
        }
    }
}
