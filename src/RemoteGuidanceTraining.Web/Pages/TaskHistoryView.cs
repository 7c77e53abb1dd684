using RemoteGuidanceTraining.Web.Learning;

namespace RemoteGuidanceTraining.Web.Pages;

/// <summary>The model of the shared _TaskHistory partial; <c>IdPrefix</c> keeps heading ids unique on a page with several tasks.</summary>
public sealed record TaskHistoryView(TaskHistory History, bool ShowNames, string IdPrefix);
