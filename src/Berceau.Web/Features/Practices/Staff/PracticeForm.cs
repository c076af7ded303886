using Berceau.Domain.Common;
using Berceau.Domain.Practices;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Practices.Staff;

/// <summary>What <c>_PracticeFields</c> draws: the fields of the form and what they hold.</summary>
public sealed record PracticeFieldsView(IReadOnlyList<PracticeField> Fields, IReadOnlyDictionary<string, string?> Values);

/// <summary>The parts of a fiche's form shared by the submission and edit pages.</summary>
public static class PracticeForm
{
    public static IReadOnlyList<SelectListItem> Themes { get; } = [.. PracticeFormats.Themes.Select(t => new SelectListItem(t.Label(), t.ToString()))];

    /// <summary>Each problem under its input: a section's under <c>Input.Fields[key]</c>, the others under <c>Input.{field}</c>.</summary>
    public static void AddProblems(ModelStateDictionary modelState, IReadOnlyList<PracticeField> fields, IEnumerable<Problem> problems)
    {
        modelState.Clear();
        foreach (var problem in problems)
        {
            var field = fields.Any(f => f.Key == problem.Field) ? $"Input.Fields[{problem.Field}]" : $"Input.{problem.Field}";
            modelState.AddModelError(problem.Field.Length == 0 ? "" : field, problem.Message);
        }
    }
}
