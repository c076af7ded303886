using System.Globalization;
using Berceau.Domain.Staffing;

namespace Berceau.Web.Features.Jobs;

/// <summary>How the job pages write an offer's values in French.</summary>
public static class JobText
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", French);

    public static string Start(DateOnly? start, DateOnly today) =>
        start is { } d && d > today ? "à partir du " + Date(d) : "dès que possible";

    public static string Time(bool fullTime) => fullTime ? "Temps plein" : "Temps partiel";

    public static string Summary(JobPosting j) => $"{j.Profession.Label()} · {j.Contract.Label()} · {Time(j.FullTime)}";

    public static string Status(JobPosting j, DateOnly today) =>
        j.IsClosed ? "Close" : j.ExpiresOn < today ? "Expirée" : "En ligne";

    public static string StatusColour(JobPosting j, DateOnly today) =>
        j.IsClosed ? "grey" : j.ExpiresOn < today ? "orange" : "green";

    /// <summary>How to apply as a link when it is one (e-mail or https address), else as text.</summary>
    public static string? ApplyHref(string howToApply)
    {
        var text = howToApply.Trim();
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps) return uri.ToString();
        if (!text.Contains(' ') && text.Contains('@') && !text.StartsWith('@') && !text.EndsWith('@')) return "mailto:" + text;
        return null;
    }
}
