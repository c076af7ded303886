using Berceau.Domain.Common;
using Berceau.Domain.Governance;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Features.Schema.Governance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Schema.Staff.Governance;

/// <summary>
/// A form of the secretariat on one meeting (change, attendance and minutes, decision): the meeting is found for those who read
/// its instance (404 otherwise) and the form is the secretariat's (403 for a member); a saved change goes back to the meeting.
/// </summary>
public abstract class SecretariatMeetingPage(GovernanceAccess access) : PageModel
{
    public GovernanceMeeting Meeting { get; private set; } = null!;
    public GovernanceBody Body { get; private set; } = null!;

    protected async Task<IActionResult?> LoadAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var found = await access.MeetingAsync(id, tracked, ct);
        if (found is not { } f) return NotFound();
        if (!(await access.UserAsync(ct)).IsSecretariatOf(f.Body.DepartementCode)) return Forbid();
        (Meeting, Body) = (f.Meeting, f.Body);
        await LoadedAsync(ct);
        return null;
    }

    /// <summary>What the page reads besides the meeting (choices, members).</summary>
    protected virtual Task LoadedAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Back to the meeting with <paramref name="done"/>, or this page with the problems under <paramref name="prefix"/>.</summary>
    protected IActionResult Saved(Outcome<bool> outcome, string done, string prefix)
    {
        if (outcome.IsSuccess)
        {
            TempData[MeetingModel.MessageKey] = done;
            return Redirect(GovernanceFeature.MeetingPath(Meeting.Id));
        }
        ModelState.AddProblems(outcome.Problems, prefix);
        return Page();
    }
}
