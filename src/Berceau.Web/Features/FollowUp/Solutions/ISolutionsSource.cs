using Berceau.Domain.Applications;

namespace Berceau.Web.Features.FollowUp.Solutions;

/// <summary>The family's need as the « solutions » letter reads it: the application (child, days, hours, resources) and the day.</summary>
public sealed record SolutionsNeed(Application Application, DateOnly Today);

/// <summary>One solution in a section of the letter: a name, a short plain-French detail and, when there is one, a page to open.</summary>
public sealed record SolutionItem(string Title, string? Detail = null, string? Link = null);

/// <summary>
/// A section of the « solutions » letter (assistants maternels available, MAM, occasional care, next info meeting, relais…).
/// <paramref name="Order"/> places it in the letter (lower first); <paramref name="Note"/> is a sentence shown under the items.
/// </summary>
public sealed record SolutionsSection(string Heading, int Order, IReadOnlyList<SolutionItem> Items, string? Note = null);

/// <summary>
/// Each kind of solution (a feature of its own: childminders, occasional care, info meetings…) contributes its section to the
/// letter a follow-up case sends, so the letter grows with the features without knowing them. Registered with
/// <c>services.AddScoped&lt;ISolutionsSource, …&gt;()</c>; a source with nothing for this family returns null.
/// </summary>
public interface ISolutionsSource
{
    Task<SolutionsSection?> FindAsync(SolutionsNeed need, CancellationToken ct);
}
