using Berceau.Data;
using Berceau.Data.Identity;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Account;

/// <summary>Second step with one of the 10 recovery codes, for someone who lost their phone. Each code works once.</summary>
public sealed class SignInRecoveryCodeModel(
    SignInManager<BerceauUser> signIn,
    UserManager<BerceauUser> users,
    IOptions<IdentityOptions> identity,
    AuditLog audit,
    BerceauDbContext db) : SecondFactorPageModel(signIn, users, identity, audit, db)
{
    /// <summary>With this few codes left, the person is sent to print new ones before being locked out of their account.</summary>
    public const int FewCodesLeft = 3;

    public string CodeUrl => AccountFeature.SignInCodePath + SignInModel.ReturnQuery(ReturnUrl);

    protected override string Factor => "code de secours";

    protected override string WrongCodeMessage => "recovery-code-invalid";

    protected override string Normalise(string? code) => AuthenticatorSetup.NormaliseRecoveryCode(code);

    protected override string? FormatProblem(string code) => code.Length == 0 ? "recovery-code-required" : null;

    protected override Task<SignInResult> SignInWithAsync(string code) => SignInManager.TwoFactorRecoveryCodeSignInAsync(code);

    protected override async Task<(string Details, string Destination)> AfterSignInAsync(BerceauUser user)
    {
        var left = await Users.CountRecoveryCodesAsync(user);
        var (_, destination) = await base.AfterSignInAsync(user);
        return ($" ({left} restants)", left <= FewCodesLeft ? AccountFeature.TwoFactorSetupPath + SignInModel.ReturnQuery(ReturnUrl) : destination);
    }
}
