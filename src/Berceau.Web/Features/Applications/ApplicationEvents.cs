using Berceau.Domain.Applications;

namespace Berceau.Web.Features.Applications;

/// <summary>
/// The one place where an application's status change leaves the feature: notifications (e-mail, in-app) are to be
/// written from here into the outbox, in the same unit of work as the change.
/// </summary>
public sealed class ApplicationEvents
{
    public void Changed(Application application, StatusChange change)
    {
        _ = application;
        _ = change;
    }
}
