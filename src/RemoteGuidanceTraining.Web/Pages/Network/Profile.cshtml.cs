using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Network;

namespace RemoteGuidanceTraining.Web.Pages.Network;

/// <summary>The signed-in person's own network profile: join, update, or leave (which deletes it at once).</summary>
public class NetworkProfileModel(NetworkMembership membership, NetworkDirectory directory, UserManager<AppUser> users, IStringLocalizer<SharedResource> t)
    : PageModel
{
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public bool Joined { get; private set; }

    public DateTime? HiddenAtUtc { get; private set; }

    public DateTime? UpdateRequestedAtUtc { get; private set; }

    public NetworkAreaMap Areas { get; private set; } = new([]);

    public IReadOnlyList<NetworkMembership.EarnedTraining> Earned { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var own = await membership.FindAsync(UserId, cancellationToken);
        if (own is null)
        {
            var user = await users.GetUserAsync(User);
            Input = new ProfileInput
            {
                DisplayName = user?.FullName ?? "",
                Organisation = user?.Organisation ?? "",
                Channels = ProfileInput.AllChannels([]),
            };
        }
        else
        {
            Input = own.Input;
            Joined = true;
            HiddenAtUtc = own.HiddenAtUtc;
            UpdateRequestedAtUtc = own.UpdateRequestedAtUtc;
        }

        await LoadListsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var problems = await membership.SaveAsync(UserId, Input, cancellationToken);
            foreach (var (field, problem) in problems)
            {
                ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(Input)}.{field}", t[problem]);
            }

            if (problems.Count == 0)
            {
                TempData["Status"] = t["Network.Saved"].Value;
                return RedirectToPage();
            }
        }

        Joined = await membership.FindAsync(UserId, cancellationToken) is not null;
        // Channels come back only as posted; show every channel again, keeping what was typed.
        Input.Channels = [.. NetworkVocabulary.Channels.Select(c => Input.Channels.FirstOrDefault(i => i.Code == c) ?? new ChannelInput { Code = c })];
        await LoadListsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostLeaveAsync(CancellationToken cancellationToken)
    {
        await membership.LeaveAsync(UserId, cancellationToken);
        TempData["Status"] = t["Network.LeftStatus"].Value;
        return RedirectToPage();
    }

    private string UserId => User.UserId()!;

    private async Task LoadListsAsync(CancellationToken cancellationToken)
    {
        Areas = await directory.AreasAsync(cancellationToken);
        Earned = await membership.EarnedAsync(UserId, cancellationToken);
    }
}
