using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Notifications;

public static class NotificationsFeature
{
    public const string ListPath = "/notifications";
    public const string FailedPath = "/admin/envois";

    /// <summary>
    /// The outbox: <see cref="Notifier"/> for features, the transport chosen by <c>Mail:*</c>, the dispatcher, and the
    /// worker unless <c>Outbox:RunWorker</c> is false.
    /// </summary>
    public static IServiceCollection AddNotificationsFeature(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<MailOptions>(configuration.GetSection("Mail"));
        services.Configure<OutboxOptions>(configuration.GetSection("Outbox"));
        services.AddScoped<Notifier>();
        services.AddScoped<PublicLinks>();
        services.AddSingleton<IMailTransport>(sp =>
        {
            var mail = sp.GetRequiredService<IOptions<MailOptions>>().Value;
            if (mail.UsesSmtp) return new SmtpTransport(mail.Smtp);
            var folder = string.IsNullOrWhiteSpace(mail.PickupDirectory)
                ? Path.Combine(environment.ContentRootPath, "App_Data", "mail")
                : Path.GetFullPath(mail.PickupDirectory, environment.ContentRootPath);
            if (environment.IsProduction())
                sp.GetRequiredService<ILoggerFactory>().CreateLogger("Berceau.Mail")
                    .LogWarning("Aucun serveur SMTP configuré (Mail:Smtp:Host) : les e-mails sont écrits dans {Folder} et personne ne les reçoit", folder);
            return new PickupDirectoryTransport(folder, mail.Smtp.From);
        });
        services.AddSingleton<OutboxDispatcher>();
        if (configuration.GetValue("Outbox:RunWorker", true))
            services.AddHostedService<OutboxWorker>();
        return services;
    }
}
