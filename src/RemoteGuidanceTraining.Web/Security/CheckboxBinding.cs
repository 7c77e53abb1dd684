using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace RemoteGuidanceTraining.Web.Security;

/// <summary>
/// A bool from a form, a query or a route is a checkbox: ticked when any of its values reads as true ("true" from
/// asp-for's checkbox beside its hidden "false", "on" from a plain one), unticked otherwise. MVC's own binder keeps an
/// unreadable value ("abc") as the attempted value, and the checkbox tag helper then throws while rendering the form
/// again: a 500 for a garbled sign-in form.
/// </summary>
public sealed class CheckboxModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(bool) && TextModelBinderProvider.FromFormQueryOrRoute(context.BindingInfo.BindingSource)
            ? new CheckboxModelBinder()
            : null;

    private sealed class CheckboxModelBinder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var values = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            if (values == ValueProviderResult.None)
            {
                return Task.CompletedTask; // not sent: the property keeps its own value, as with MVC's binder
            }

            var ticked = values.Any(v => bool.TryParse(v, out var value) ? value : string.Equals(v, "on", StringComparison.OrdinalIgnoreCase));
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, new ValueProviderResult(ticked ? "true" : "false"));
            bindingContext.Result = ModelBindingResult.Success(ticked);
            return Task.CompletedTask;
        }
    }
}
