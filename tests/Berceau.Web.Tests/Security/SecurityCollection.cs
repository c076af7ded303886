using Berceau.Web.Tests.Support;

namespace Berceau.Web.Tests.Security;

/// <summary>
/// The security sweeps (issue 11) run on an app and database of their own: they create one family's and one commune's
/// whole world (applications, a published commission, bookings…) in Montreuil and count every table's rows before and after
/// forged requests, which other test classes' writes on the shared app would disturb.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SecurityCollection : ICollectionFixture<BerceauApp>
{
    public const string Name = "security";
}
