using System.ComponentModel.DataAnnotations;
using RemoteGuidanceTraining.Web.Accounts;

namespace RemoteGuidanceTraining.Web.Pages.Account;

/// <summary>Validation messages and labels are resource keys; DataAnnotations localization looks them up.</summary>
public abstract class ProfileFields
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(AccountLimits.NameLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.FullName")]
    public string FullName { get; set; } = "";

    /// <summary>What the person says; only an admin, an invitation or an e-mail domain puts anyone in an organisation.</summary>
    [StringLength(AccountLimits.NameLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.SelfReportedOrganisation")]
    public string? Organisation { get; set; }
}
