using System.Collections;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Berceau.Web.Ui;

/// <summary>
/// What a form component needs to know about the property it edits: the name and id ASP.NET Core would give it
/// (<c>Html.NameFor</c>, <c>Html.GenerateIdFromName</c>), its current value(s) and its first validation error.
/// </summary>
internal sealed class FormField
{
    private FormField(string name, string id, ModelStateEntry? entry, object? model)
    {
        Name = name;
        Id = id;
        Entry = entry;
        Model = model;
    }

    public string Name { get; }
    public string Id { get; }
    public object? Model { get; }
    private ModelStateEntry? Entry { get; }

    public string HintId => Id + "-hint";
    public string ErrorId => Id + "-error";

    /// <summary>The first error of this field (GOV.UK shows one message per field), or null.</summary>
    public string? Error => Entry is { ValidationState: ModelValidationState.Invalid, Errors.Count: > 0 }
        ? MessageOf(Entry.Errors[0])
        : null;

    public static FormField For(ViewContext viewContext, ModelExpression expression, string idDotReplacement)
    {
        var name = viewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(expression.Name);
        var id = TagBuilder.CreateSanitizedId(name, idDotReplacement);
        viewContext.ViewData.ModelState.TryGetValue(name, out var entry);
        return new FormField(name, id, entry, expression.Model);
    }

    public static string IdFromName(string name, string idDotReplacement) => TagBuilder.CreateSanitizedId(name, idDotReplacement);

    public static string MessageOf(ModelError error) =>
        string.IsNullOrWhiteSpace(error.ErrorMessage) ? UiText.InvalidValue : error.ErrorMessage;

    /// <summary>The value to show in a text field: what the user typed (even if invalid), else the model's value.</summary>
    public string? TextValue(string? format)
    {
        if (Entry?.AttemptedValue is { } attempted)
        {
            return attempted;
        }
        return Model switch
        {
            null => null,
            DateOnly date when format is null => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(format, CultureInfo.CurrentCulture),
            _ => Model.ToString(),
        };
    }

    /// <summary>The value(s) currently selected, as strings comparable with <see cref="SelectListItem.Value"/>.</summary>
    public HashSet<string> SelectedValues()
    {
        var values = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (Entry?.RawValue is { } raw)
        {
            switch (raw)
            {
                case string s:
                    values.Add(s);
                    break;
                case IEnumerable<string> many:
                    values.UnionWith(many);
                    break;
                default:
                    values.Add(Convert.ToString(raw, CultureInfo.InvariantCulture) ?? "");
                    break;
            }
            return values;
        }
        switch (Model)
        {
            case null:
                break;
            case string s:
                values.Add(s);
                break;
            case IEnumerable many:
                foreach (var item in many)
                {
                    AddModelValue(values, item);
                }
                break;
            default:
                AddModelValue(values, Model);
                break;
        }
        return values;
    }

    private static void AddModelValue(HashSet<string> values, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case Enum e:
                // Items may carry the enum's name (our own lists) or its number (Html.GetEnumSelectList).
                values.Add(e.ToString());
                values.Add(Convert.ToInt64(e, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                return;
            case IFormattable formattable:
                values.Add(formattable.ToString(null, CultureInfo.InvariantCulture));
                values.Add(formattable.ToString(null, CultureInfo.CurrentCulture));
                return;
            default:
                values.Add(value.ToString() ?? "");
                return;
        }
    }
}
