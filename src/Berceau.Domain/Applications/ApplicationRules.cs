using System.Text.RegularExpressions;
using Berceau.Domain.Common;

namespace Berceau.Domain.Applications;

/// <summary>
/// The checks of an application before it is saved, the same online and at the counter. Every problem is returned at once,
/// each on its field, so a parent corrects the whole form in one go. Nothing here reads the clock: <c>today</c> is given.
/// </summary>
public static partial class ApplicationRules
{
    /// <summary>Pre-registration opens at the 6th month of pregnancy, i.e. about four months before the expected date.</summary>
    public const int PreRegistrationMonthsBeforeBirth = 4;
    /// <summary>Crèches take children from 10 weeks (the end of maternity leave).</summary>
    public const int MinimumAgeDaysAtStart = 70;
    /// <summary>Collective care is for children under 3; after that, school (préscolarisation) takes over.</summary>
    public const int MaximumAgeMonthsAtStart = 36;
    public const int MaxNameLength = 100;
    public const decimal MaxAnnualResources = 10_000_000m;
    /// <summary>Far above any real quotient familial (euros a month): only a typing mistake goes beyond.</summary>
    public const decimal MaxQuotientFamilial = 100_000m;

    // Letters (any alphabet, with accents), spaces, apostrophes, hyphens and dots: what names are made of, and nothing a
    // browser could run.
    [GeneratedRegex(@"^[\p{L}\p{M}][\p{L}\p{M}'’ .\-]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^\d{7}$")]
    private static partial Regex CafNumberPattern();

    public static IReadOnlyList<Problem> Check(ApplicationRequest request, WishChoices choices, DateOnly today)
    {
        var problems = new List<Problem>();
        CheckChild(request.Child, request.DesiredStart, today, problems);
        CheckGuardians(request.Guardians, problems);
        CheckHousehold(request, problems);
        CheckGridAnswers(request, choices, problems);
        CheckNeed(request, today, problems);
        CheckWishes(request.Wishes, choices, problems);
        return problems;
    }

    private static void CheckChild(ChildInput child, DateOnly? start, DateOnly today, List<Problem> problems)
    {
        if (child.FirstName is { Length: > 0 } || child.BirthDate is not null)
            Name(child.FirstName, "Child.FirstName", problems, required: child.BirthDate is not null);
        Name(child.LastName, "Child.LastName", problems, required: true);

        DateOnly? birth = null;
        switch (child.BirthDate, child.ExpectedBirthDate)
        {
            case (null, null):
                problems.Add(Problem.Of("application-birth-missing", "Child.BirthDate"));
                break;
            case ({ }, { }):
                problems.Add(Problem.Of("application-birth-both", "Child.ExpectedBirthDate"));
                break;
            case ({ } born, null):
                if (born > today) problems.Add(Problem.Of("application-birth-future", "Child.BirthDate"));
                else birth = born;
                break;
            case (null, { } expected):
                if (expected < today.AddMonths(-1)) problems.Add(Problem.Of("application-expected-past", "Child.ExpectedBirthDate"));
                else if (expected > today.AddMonths(PreRegistrationMonthsBeforeBirth))
                    problems.Add(Problem.Of("application-expected-too-early", "Child.ExpectedBirthDate",
                        expected.AddMonths(-PreRegistrationMonthsBeforeBirth)));
                else birth = expected;
                break;
        }

        if (birth is { } b && start is { } s)
        {
            if (s < b.AddDays(MinimumAgeDaysAtStart))
                problems.Add(Problem.Of("application-start-too-young", "DesiredStart", b.AddDays(MinimumAgeDaysAtStart)));
            else if (s >= b.AddMonths(MaximumAgeMonthsAtStart))
                problems.Add(Problem.Of("application-start-too-old", "DesiredStart"));
        }
    }

    private static void CheckGuardians(IReadOnlyList<GuardianInput> guardians, List<Problem> problems)
    {
        if (guardians.Count is < 1 or > 2)
        {
            problems.Add(Problem.Of("application-guardians-count", "Guardians"));
            return;
        }
        for (var i = 0; i < guardians.Count; i++)
        {
            var g = guardians[i];
            Name(g.FirstName, $"Guardians[{i}].FirstName", problems, required: true);
            Name(g.LastName, $"Guardians[{i}].LastName", problems, required: true);
            if (g.Situation is null) problems.Add(Problem.Of("application-situation-missing", $"Guardians[{i}].Situation"));
        }
    }

    private static void CheckHousehold(ApplicationRequest request, List<Problem> problems)
    {
        if (request.ChildrenInHousehold is < 1 or > 15)
            problems.Add(Problem.Of("application-children-count", nameof(request.ChildrenInHousehold)));
        if (request.AnnualResources is < 0 or > MaxAnnualResources)
            problems.Add(Problem.Of("application-resources-range", nameof(request.AnnualResources)));
        if (!string.IsNullOrWhiteSpace(request.CafNumber) && !CafNumberPattern().IsMatch(request.CafNumber.Trim()))
            problems.Add(Problem.Of("application-caf-number", nameof(request.CafNumber)));
    }

    /// <summary>The grid's answers alone, for the guichet correcting them after submission (the same checks as the form's).</summary>
    public static IReadOnlyList<Problem> CheckGridAnswers(GridAnswers answers, WishChoices choices)
    {
        var problems = new List<Problem>();
        CheckGridAnswers(answers, choices, problems);
        return problems;
    }

    private static void CheckGridAnswers(ApplicationRequest request, WishChoices choices, List<Problem> problems) =>
        CheckGridAnswers(new GridAnswers(request.QuotientFamilial, request.SocialSupport, request.SiblingFacilities, request.PartnerEmployerFacilities),
            choices, problems);

    /// <summary>The answers the points grid reads: a plausible quotient, and crèches the commune's guichet offers.</summary>
    private static void CheckGridAnswers(GridAnswers answers, WishChoices choices, List<Problem> problems)
    {
        if (answers.QuotientFamilial is < 0 or > MaxQuotientFamilial)
            problems.Add(Problem.Of("application-quotient-range", nameof(answers.QuotientFamilial), MaxQuotientFamilial));
        if (answers.SiblingFacilities.Any(id => !choices.Facilities.Contains(id)))
            problems.Add(Problem.Of("application-sibling-outside", nameof(answers.SiblingFacilities)));
        if (answers.PartnerEmployerFacilities.Any(id => !choices.Facilities.Contains(id)))
            problems.Add(Problem.Of("application-partner-outside", nameof(answers.PartnerEmployerFacilities)));
    }

    private static void CheckNeed(ApplicationRequest request, DateOnly today, List<Problem> problems)
    {
        if (request.DesiredStart is null) problems.Add(Problem.Of("application-start-missing", nameof(request.DesiredStart)));
        else if (request.DesiredStart < today) problems.Add(Problem.Of("application-start-past", nameof(request.DesiredStart)));
        if ((request.Days & Offer.WeekDays.Weekdays) == Offer.WeekDays.None)
            problems.Add(Problem.Of("application-days-missing", nameof(request.Days)));
        if (request.From is null || request.To is null)
            problems.Add(Problem.Of("application-hours-missing", request.From is null ? nameof(request.From) : nameof(request.To)));
        else if (request.From >= request.To)
            problems.Add(Problem.Of("application-hours-order", nameof(request.To)));
    }

    /// <summary>The wishes alone, for a family changing them after submission (the rest of the form is not asked again).</summary>
    public static IReadOnlyList<Problem> CheckWishes(IReadOnlyList<WishInput> wishes, WishChoices choices)
    {
        var problems = new List<Problem>();
        CheckWishes(wishes, choices, problems);
        return problems;
    }

    private static void CheckWishes(IReadOnlyList<WishInput> wishes, WishChoices choices, List<Problem> problems)
    {
        if (wishes.Count == 0)
        {
            problems.Add(Problem.Of("application-wishes-missing", "Wishes"));
            return;
        }
        if (wishes.Count > choices.MaxWishes)
            problems.Add(Problem.Of("application-wishes-too-many", "Wishes", choices.MaxWishes));
        // A null id is the sector wish: it may appear once, like any crèche.
        var seen = new HashSet<Offer.FacilityId?>();
        for (var i = 0; i < wishes.Count; i++)
        {
            var wish = wishes[i];
            var field = $"Wishes[{i}]";
            if (wish.FacilityId is { } id && !choices.Facilities.Contains(id))
                problems.Add(Problem.Of("application-wish-outside", field, i + 1));
            else if (wish.FacilityId is null && choices.FamilySector is null)
                problems.Add(Problem.Of("application-wish-no-sector", field, i + 1));
            else if (!seen.Add(wish.FacilityId))
                problems.Add(Problem.Of("application-wish-duplicate", field, i + 1));
        }
    }

    private static void Name(string? text, string field, List<Problem> problems, bool required)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (required)
                problems.Add(Problem.Of(field.EndsWith("FirstName", StringComparison.Ordinal) ? "application-first-name-missing" : "application-last-name-missing", field));
            return;
        }
        if (value.Length > MaxNameLength) problems.Add(Problem.Of("application-name-too-long", field, MaxNameLength));
        else if (!NamePattern().IsMatch(value)) problems.Add(Problem.Of("application-name-characters", field));
    }
}
