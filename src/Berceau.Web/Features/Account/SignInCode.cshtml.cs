using Berceau.Data;
using Berceau.Data.Identity;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Account;

/// <summary>Second step of signing in: the 6-digit code of the authenticator app.</summary>
public sealed class SignInCodeModel(
    SignInManager<BerceauUser> signIn,
    UserManager<BerceauUser> users,
    IOptions<IdentityOptions> identity,
    AuditLog audit,
    BerceauDbContext db) : SecondFactorPageModel(signIn, users, identity, audit, db)
{
    public string RecoveryUrl => AccountFeature.SignInRecoveryCodePath + SignInModel.ReturnQuery(ReturnUrl);

    protected override string Factor => "code d’authentification";

    protected override string WrongCodeMessage => "totp-invalid";

    protected override string Normalise(string? code) => AuthenticatorSetup.NormaliseCode(code);

    protected override string? FormatProblem(string code) =>
        code.Length == 0 ? "totp-required"
        : code.Length != 6 || !code.All(char.IsAsciiDigit) ? "totp-invalid"
        : null;

    protected override Task<SignInResult> SignInWithAsync(string code) =>
        SignInManager.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
}
