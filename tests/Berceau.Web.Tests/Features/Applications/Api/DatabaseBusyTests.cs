using System.Text.Json;
using Berceau.Web.Features.Applications.Api;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Berceau.Web.Tests.Features.Applications.Api;

/// <summary>
/// SQLite's write lock not given in time (durability bench, run 4: 4 answers 500 under load) is a 503 with Retry-After and
/// a French problem saying that nothing is saved and to send the same request again, not an internal error.
/// </summary>
public sealed class DatabaseBusyTests
{
    [Theory]
    [InlineData(5, true)]
    [InlineData(6, true)]
    [InlineData(19, false)]
    public void SqliteBusyAndLocked_AreTheDatabaseBeingBusy(int code, bool busy)
    {
        var error = new SqliteException("SQLite Error", code);

        Assert.Equal(busy, DatabaseBusy.Is(error));
        Assert.Equal(busy, DatabaseBusy.Is(new DbUpdateException("wrapped", error)));
        Assert.False(DatabaseBusy.Is(new InvalidOperationException("other")));
    }

    [Fact]
    public async Task TheAnswer_Is503_WithRetryAfter_AndAFrenchProblem()
    {
        var services = new ServiceCollection().AddLogging().AddFrenchProblemDetails().BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Response.Body = new MemoryStream();

        await DatabaseBusy.Answer(http).ExecuteAsync(http);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, http.Response.StatusCode);
        Assert.Equal(DatabaseBusy.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), http.Response.Headers.RetryAfter.ToString());
        http.Response.Body.Position = 0;
        using var problem = await JsonDocument.ParseAsync(http.Response.Body);
        Assert.Equal("Service momentanément surchargé", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("même clé Idempotency-Key", problem.RootElement.GetProperty("detail").GetString());
    }
}
