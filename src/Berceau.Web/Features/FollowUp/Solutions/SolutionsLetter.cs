using System.Text;
using Berceau.Data;
using Berceau.Domain.Applications;
using Berceau.Web.Features.Applications.Family;
using Berceau.Web.Features.Notifications;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.FollowUp.Solutions;

/// <summary>
/// The « solutions » letter (courrier « solutions »), the same on screen, printed, as a PDF and in the e-mail: who it is for, the
/// family's need in one sentence, then the sections of every registered <see cref="ISolutionsSource"/> in their order.
/// </summary>
public sealed record SolutionsLetter(
    string Sender, string Reference, string Child, IReadOnlyList<string> Addressees, string? Address, string CommuneName, DateOnly Date,
    string Need, IReadOnlyList<SolutionsSection> Sections, string Closing)
{
    public const string Subject = "Des solutions d’accueil pour votre enfant";

    public static string FileName(string reference) => $"solutions-{reference}.pdf";

    /// <summary>The letter as plain text, for the e-mail and the family's notification; links made absolute by <paramref name="absolute"/>.</summary>
    public string Text(Func<string, string> absolute)
    {
        var text = new StringBuilder();
        text.Append("Bonjour,\n\n").Append(Need).Append("\n");
        foreach (var section in Sections)
        {
            text.Append("\n== ").Append(section.Heading).Append(" ==\n");
            foreach (var item in section.Items)
            {
                text.Append("- ").Append(item.Title);
                if (item.Detail is { } d) text.Append(" – ").Append(d);
                if (item.Link is { } l) text.Append("\n  ").Append(absolute(l));
                text.Append('\n');
            }
            if (section.Note is { } note) text.Append(note).Append('\n');
        }
        return text.Append('\n').Append(Closing).Append('\n').ToString();
    }
}

/// <summary>Builds the <see cref="SolutionsLetter"/> of a case from its application and every registered source.</summary>
public sealed class SolutionsLetters(BerceauDbContext db, IEnumerable<ISolutionsSource> sources, IOptions<DeploymentOptions> deployment)
{
    public async Task<SolutionsLetter> BuildAsync(Application application, DateOnly today, CancellationToken ct)
    {
        var need = new SolutionsNeed(application, today);
        var sections = new List<SolutionsSection>();
        // One after the other: the sources share the request's DbContext, which does not take two queries at once.
        foreach (var source in sources)
            if (await source.FindAsync(need, ct) is { } section) sections.Add(section);
        var commune = await db.Communes.AsNoTracking().Where(c => c.Code == application.CommuneCode).Select(c => c.Name).FirstOrDefaultAsync(ct)
            ?? application.CommuneCode;
        var child = ApplicationDisplay.ChildName(application.ChildFirstName, application.ChildLastName);
        var address = string.Join(", ", new[] { application.Street, $"{application.PostalCode} {commune}".Trim() }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var start = NeedFacts.StartOn(need);
        var need1 = $"Vous cherchez un accueil pour {child} à partir du {OfferDisplay.Date(start)}, {OfferDisplay.Days(application.Days).ToLowerInvariant()}"
            + (application.From is { } from && application.To is { } to ? $", {OfferDisplay.Hours(from, to).ToLowerInvariant()}" : "")
            + ". Votre demande de place en crèche reste sur la liste d’attente ; en attendant, voici les solutions que le guichet a trouvées près de chez vous.";
        return new SolutionsLetter(deployment.Value.Name, application.Reference, child,
            [.. application.Guardians.OrderBy(g => g.Rank).Select(g => $"{g.FirstName} {g.LastName}".Trim()).Where(n => n.Length > 0)],
            application.ErasedAt is null ? address : null, commune, today, need1,
            [.. sections.OrderBy(s => s.Order).ThenBy(s => s.Heading, StringComparer.Ordinal)],
            $"Le guichet petite enfance de {commune} reste à vos côtés : il vous rappellera pour savoir où vous en êtes. Votre demande n° {application.Reference}.");
    }
}
