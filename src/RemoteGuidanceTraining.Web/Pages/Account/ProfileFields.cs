using System.ComponentModel.DataAnnotations;

namespace RemoteGuidanceTraining.Web.Pages.Account;

/// <summary>Validation messages and labels are resource keys; DataAnnotations localization looks them up.</summary>
public abstract class ProfileFields
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.FullName")]
    public string FullName { get; set; } = "";

    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.Organisation")]
    public string? Organisation { get; set; }

    [Display(Name = "Field.Region")]
    public string? Region { get; set; }
}
