namespace Berceau.Domain.Common;

/// <summary>An expected failure: a stable code, the input field it concerns, and the French text shown to the user.</summary>
public sealed record Problem(string Code, string Field, string Message)
{
    public static Problem Of(string code, string field, params object[] args) =>
        new(code, field, string.Format(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), Messages.Get(code), args));
}

/// <summary>Result of a domain operation whose failures are expected (invalid, ineligible, not found…), never thrown.</summary>
public sealed class Outcome<T>
{
    private readonly T? _value;

    private Outcome(T? value, IReadOnlyList<Problem> problems)
    {
        _value = value;
        Problems = problems;
    }

    public IReadOnlyList<Problem> Problems { get; }
    public bool IsSuccess => Problems.Count == 0;
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException("Outcome has problems: " + string.Join(", ", Problems.Select(p => p.Code)));

    public static Outcome<T> Success(T value) => new(value, []);
    public static Outcome<T> Failure(params Problem[] problems) => new(default, problems);
    public static Outcome<T> Failure(IReadOnlyList<Problem> problems) => new(default, problems);

    public static implicit operator Outcome<T>(T value) => Success(value);
    public static implicit operator Outcome<T>(Problem problem) => Failure(problem);
}
