namespace Berceau.Web.Features.Applications.Api;

/// <summary>
/// The database could not give a write lock in time: SQLite's busy timeout ran out while other requests were writing
/// (SQLITE_BUSY, SQLITE_LOCKED; seen by the durability bench with 16 writers on an overloaded machine). Nothing was
/// written, and the same request sent again later will be: the API says so with 503 and Retry-After, not an internal error.
/// </summary>
internal static class DatabaseBusy
{
    public const int RetryAfterSeconds = 5;

    public static bool Is(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 }) return true;
        return false;
    }

    public static IResult Answer(HttpContext http)
    {
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service momentanément surchargé",
            detail: "La demande n’est pas enregistrée : trop de demandes arrivent en même temps. Renvoyez la même requête, avec la même "
                + $"clé Idempotency-Key, dans {RetryAfterSeconds} secondes.");
    }
}
