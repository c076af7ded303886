using Berceau.Domain.Commission;

namespace Berceau.Web.Features.Commission;

/// <summary>The model of _SessionLinks: the session, and whether it is a row of the list (shorter, link names carry the title).</summary>
public sealed record SessionLinks(CommissionSession Session, bool InList);
