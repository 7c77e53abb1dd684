using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace RemoteGuidanceTraining.Web.Pages;

/// <summary>
/// Ties a field to its error for screen readers on every form that uses asp-for and asp-validation-for: when the field
/// has an error, the field gets aria-invalid and its aria-describedby names the message (after any hint it already
/// names), and the message gets the id it is named by. Runs after MVC's own tag helpers, so the field's id is there.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
public sealed class FieldErrorTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression? For { get; set; }

    [HtmlAttributeName("asp-validation-for")]
    public ModelExpression? ValidationFor { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override int Order => 1000;

    /// <summary>The id of a field's error message: the field's own id as MVC makes it (dots become "_") with "-error".</summary>
    public static string ErrorIdOf(string fullName) => TagBuilder.CreateSanitizedId(fullName, "_") + "-error";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if ((For ?? ValidationFor) is not { } expression)
        {
            return;
        }

        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(expression.Name);
        if (!ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) || entry.Errors.Count == 0)
        {
            return;
        }

        var errorId = ErrorIdOf(name);
        if (ValidationFor is not null)
        {
            output.Attributes.SetAttribute("id", errorId);
            return;
        }

        if (output.Attributes.ContainsName("type") && output.Attributes["type"].Value?.ToString() == "hidden")
        {
            return;
        }

        output.Attributes.SetAttribute("aria-invalid", "true");
        var hint = output.Attributes.TryGetAttribute("aria-describedby", out var described) ? TextOf(described.Value) : "";
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrWhiteSpace(hint) ? errorId : $"{hint} {errorId}");
    }

    private static string TextOf(object? value) => value switch
    {
        null => "",
        string text => text,
        HtmlString html => html.Value ?? "",
        IHtmlContent content => Written(content),
        _ => value.ToString() ?? "",
    };

    // Ids hold no characters HTML encodes, so the attribute's text is its value.
    private static string Written(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }
}
