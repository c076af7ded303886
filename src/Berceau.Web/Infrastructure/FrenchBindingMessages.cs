using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Berceau.Web.Infrastructure;

/// <summary>The model binder's own messages (a letter typed in a number field…) in French, like every other message.</summary>
public static class FrenchBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider p)
    {
        p.SetAttemptedValueIsInvalidAccessor((value, _) => $"« {value} » n’est pas une valeur valide.");
        p.SetMissingBindRequiredValueAccessor(_ => "Ce champ est obligatoire.");
        p.SetMissingKeyOrValueAccessor(() => "Ce champ est obligatoire.");
        p.SetMissingRequestBodyRequiredValueAccessor(() => "Le contenu de la requête est vide.");
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"« {value} » n’est pas une valeur valide.");
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Cette valeur n’est pas valide.");
        p.SetNonPropertyValueMustBeANumberAccessor(() => "Saisissez un nombre.");
        p.SetUnknownValueIsInvalidAccessor(_ => "Cette valeur n’est pas valide.");
        p.SetValueIsInvalidAccessor(value => $"« {value} » n’est pas une valeur valide.");
        p.SetValueMustBeANumberAccessor(_ => "Saisissez un nombre.");
        p.SetValueMustNotBeNullAccessor(_ => "Ce champ est obligatoire.");
    }
}
