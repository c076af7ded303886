using Berceau.Domain.Access;
using Berceau.Web.Tests.Support;
namespace Berceau.Web.Tests.Features.Admin;
[Collection(AppCollection.Name)]
public sealed class TmpDump(BerceauApp app)
{
    [Fact]
    public async Task Dump()
    {
        var (email, password) = await Accounts.CreateStaffAsync(app, Roles.Admin, departement: "93");
        var client = await Accounts.SignInAsync(app, email, password);
        var id = await Accounts.UserIdAsync(app, email);
        File.WriteAllText("/tmp/dump_create.html", await Forms.TextAsync(await Forms.PostFormAsync(client, "/admin/utilisateurs/nouveau", ("Input.DisplayName", ""), ("Input.Email", "x"))));
        File.WriteAllText("/tmp/dump_edit.html", await Forms.TextAsync(await client.GetAsync("/admin/utilisateurs/" + id)));
        File.WriteAllText("/tmp/dump_list.html", await Forms.TextAsync(await client.GetAsync("/admin/utilisateurs")));
        File.WriteAllText("/tmp/dump_fees.html", await Forms.TextAsync(await Forms.PostFormAsync(client, "/admin/parametres", ("Input.Key", "psu.plancher"), ("Input.Value", "abc"))));
        var (e2, p2) = await Accounts.CreateStaffWithoutTwoFactorAsync(app, Roles.Agent, departement: "93");
        var c2 = await Accounts.SignInAsync(app, e2, p2);
        File.WriteAllText("/tmp/dump_2fa.html", await Forms.TextAsync(await c2.GetAsync("/compte/double-authentification")));
    }
}
