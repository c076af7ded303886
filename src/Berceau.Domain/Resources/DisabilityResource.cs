using Berceau.Domain.Common;

namespace Berceau.Domain.Resources;

/// <summary>What kind of resource for a family whose child has a disability or a developmental concern.</summary>
public enum DisabilityResourceKind
{
    /// <summary>Pôle ressources handicap: informs families and professionals, helps find an inclusive place (Cnaf).</summary>
    PoleRessources,
    /// <summary>Centre d’action médico-sociale précoce (children under 6).</summary>
    Camsp,
    /// <summary>Service d’éducation spéciale et de soins à domicile.</summary>
    Sessad,
    /// <summary>Maison départementale des personnes handicapées: rights, AEEH.</summary>
    Mdph,
    /// <summary>A crèche, MAM or assistant maternel trained and willing to welcome a child with a disability (not in the registry).</summary>
    InclusiveStructure,
    /// <summary>Parents’ associations, listening and respite.</summary>
    Association,
    Other,
}

/// <summary>The fields of an entry, as checked values.</summary>
public sealed record DisabilityResourceValues(string Name, DisabilityResourceKind Kind, string CommuneCode, string? Address, string? Phone, string? Email,
    string? Website, string Description);

/// <summary>
/// An entry of the disability resource directory (annuaire handicap, issue 10): a service, an inclusive structure or a contact,
/// managed by the guichet's staff and published for families (contacts of services, never of a person). Withdrawn rather than
/// deleted, so that the history stays readable.
/// </summary>
public sealed class DisabilityResource : DirectoryEntry
{
    public const int MaxNameLength = 150;
    public const int MaxAddressLength = 300;
    public const int MaxPhoneLength = 30;
    public const int MaxEmailLength = 256;
    public const int MaxWebsiteLength = 500;
    public const int MaxDescriptionLength = 2000;

    public string Name { get; private set; } = "";
    public DisabilityResourceKind Kind { get; private set; }
    public string? Address { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public string? Website { get; private set; }
    public string Description { get; private set; } = "";

    public override string Title => Name;

    public static Outcome<DisabilityResource> Create(DisabilityResourceValues values, DateTimeOffset at, string by) =>
        Created(new DisabilityResource(), r => r.Update(values, at, by));

    /// <summary>Replaces the entry; a way to reach the service (phone, e-mail or https site) is required.</summary>
    public Outcome<bool> Update(DisabilityResourceValues v, DateTimeOffset at, string by)
    {
        var problems = Check(v);
        if (problems.Count > 0) return Outcome<bool>.Failure(problems);
        (Name, Kind, CommuneCode, Address, Phone, Email, Website, Description) = (v.Name, v.Kind, v.CommuneCode, v.Address, v.Phone, v.Email, v.Website, v.Description);
        Touch(at, by);
        return true;
    }

    public static IReadOnlyList<Problem> Check(DisabilityResourceValues v)
    {
        var problems = new List<Problem>();
        if (!Enum.IsDefined(v.Kind)) problems.Add(Problem.Of("resource-kind", "Kind"));
        problems.AddRange(ContactText.Problems(v.Phone, v.Email, v.Website));
        return problems;
    }
}

/// <summary>Checks of the public contacts of a service (a directory entry, a school): an e-mail, an https address, a phone number.</summary>
public static class ContactText
{
    /// <summary>A way to reach the service is required (phone, e-mail or https site), and each one given must be valid.</summary>
    public static IEnumerable<Problem> Problems(string? phone, string? email, string? website)
    {
        if (phone is null && email is null && website is null) yield return Problem.Of("resource-contact", "Phone");
        if (email is not null && !IsEmail(email)) yield return Problem.Of("resource-email", "Email");
        if (website is not null && !IsHttpsUrl(website)) yield return Problem.Of("resource-website", "Website");
        if (phone is not null && !IsPhone(phone)) yield return Problem.Of("resource-phone", "Phone");
    }

    public static bool IsEmail(string text) =>
        text.Length <= 256 && text.IndexOf('@') is > 0 and var at && at < text.Length - 3 && text.IndexOf('.', at) > at + 1 && !text.Any(char.IsWhiteSpace);

    public static bool IsHttpsUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Contains('.');

    public static bool IsPhone(string text)
    {
        var digits = text.Count(char.IsDigit);
        return digits is >= 4 and <= 15 && text.All(c => char.IsDigit(c) || c is ' ' or '.' or '-' or '+' or '(' or ')');
    }
}

public static class DisabilityResourceLabels
{
    public static IReadOnlyList<DisabilityResourceKind> Kinds { get; } = Enum.GetValues<DisabilityResourceKind>();

    public static string Label(this DisabilityResourceKind kind) => kind switch
    {
        DisabilityResourceKind.PoleRessources => "Pôle ressources handicap",
        DisabilityResourceKind.Camsp => "Centre d’action médico-sociale précoce (CAMSP)",
        DisabilityResourceKind.Sessad => "Service d’éducation spéciale et de soins à domicile (SESSAD)",
        DisabilityResourceKind.Mdph => "Maison départementale des personnes handicapées (MDPH)",
        DisabilityResourceKind.InclusiveStructure => "Structure d’accueil inclusive",
        DisabilityResourceKind.Association => "Association de parents, écoute, répit",
        DisabilityResourceKind.Other => "Autre service",
        _ => kind.ToString(),
    };
}

/// <summary>
/// An entry of a public directory managed by the staff of its commune (a disability resource, a training offer): found by its
/// commune, versioned, withdrawn from the public page rather than deleted.
/// </summary>
public abstract class DirectoryEntry
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public string CommuneCode { get; protected set; } = "";
    public bool Withdrawn { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public int Version { get; private set; }

    /// <summary>What the audit line names.</summary>
    public abstract string Title { get; }

    /// <summary>Withdrawn from the public directory (the service closed, moved…), or published again.</summary>
    public void SetWithdrawn(bool withdrawn, DateTimeOffset at, string by)
    {
        Withdrawn = withdrawn;
        Touch(at, by);
    }

    /// <summary>Who changed the entry and when; the next version.</summary>
    protected void Touch(DateTimeOffset at, string by)
    {
        (UpdatedAt, UpdatedBy) = (at, by);
        Version++;
    }

    /// <summary>A new entry once its first values are set, or the problems of those values.</summary>
    protected static Outcome<T> Created<T>(T entry, Func<T, Outcome<bool>> set) where T : DirectoryEntry
    {
        var done = set(entry);
        return done.IsSuccess ? entry : Outcome<T>.Failure(done.Problems);
    }
}
