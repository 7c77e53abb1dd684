using System.ComponentModel.DataAnnotations;
using static RemoteGuidanceTraining.Web.Network.NetworkVocabulary;

namespace RemoteGuidanceTraining.Web.Network;

/// <summary>The profile form. Messages and labels are resource keys (DataAnnotations localization looks them up).</summary>
public sealed class ProfileInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(DisplayNameLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Network.Field.DisplayName")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(TitleLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Network.Field.Title")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(OrganisationLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Network.Field.Organisation")]
    public string Organisation { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Network.Field.Home")]
    public int? HomeMunicipalityId { get; set; }

    public List<int> Served { get; set; } = [];

    public List<string> Services { get; set; } = [];

    public List<string> Targets { get; set; } = [];

    public List<string> Languages { get; set; } = [];

    [StringLength(OtherLanguagesLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Network.Field.OtherLanguages")]
    public string? OtherLanguages { get; set; }

    public List<ChannelInput> Channels { get; set; } = [];

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(ContactLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Network.Field.Contact")]
    public string PublicContact { get; set; } = "";

    /// <summary>Course ids whose certificate the person chose to show.</summary>
    public List<string> Trainings { get; set; } = [];

    /// <summary>Every channel in the fixed order, ticked where the profile offers it.</summary>
    public static List<ChannelInput> AllChannels(IEnumerable<ChannelHours> offered) =>
        [.. NetworkVocabulary.Channels.Select(c => new ChannelInput
        {
            Code = c,
            Offered = offered.Any(o => o.Channel == c),
            Hours = offered.FirstOrDefault(o => o.Channel == c)?.Hours,
        })];
}

public sealed class ChannelInput
{
    public string Code { get; set; } = "";

    public bool Offered { get; set; }

    [StringLength(HoursLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Network.Field.Hours")]
    public string? Hours { get; set; }
}
