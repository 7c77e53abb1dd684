using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace RemoteGuidanceTraining.Web;

/// <summary>
/// Checks a settings class's data annotations, like ValidateDataAnnotations, but writes each failure as one sentence
/// naming the setting as an operator writes it ("The field Mail:Smtp:Port must be between 1 and 65535."), not as
/// "DataAnnotation validation failed for 'SmtpOptions' members: 'Port'…". Nested settings classes are checked too.
/// </summary>
public static class SettingsValidation
{
    public static OptionsBuilder<T> ValidateSettings<T>(this OptionsBuilder<T> builder, string section) where T : class
    {
        builder.Services.AddSingleton<IValidateOptions<T>>(new AnnotatedSettings<T>(builder.Name, section));
        return builder;
    }

    private sealed class AnnotatedSettings<T>(string optionsName, string section) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            if (name is not null && name != optionsName)
            {
                return ValidateOptionsResult.Skip;
            }

            var failures = Failures(options, section).ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        private static IEnumerable<string> Failures(object options, string path)
        {
            foreach (var property in options.GetType().GetProperties())
            {
                var value = property.GetValue(options);
                var setting = $"{path}:{property.Name}";
                var results = new List<ValidationResult>();
                var context = new ValidationContext(options) { MemberName = property.Name, DisplayName = setting };
                if (!Validator.TryValidateProperty(value, context, results))
                {
                    foreach (var result in results)
                    {
                        yield return result.ErrorMessage ?? $"{setting} is not valid.";
                    }
                }

                // Settings classes nest (Mail:Smtp, Privacy:Retention); strings and values have no settings inside.
                if (value is not null && property.PropertyType.IsClass && property.PropertyType != typeof(string)
                    && property.PropertyType.Assembly == typeof(SettingsValidation).Assembly)
                {
                    foreach (var failure in Failures(value, setting))
                    {
                        yield return failure;
                    }
                }
            }
        }
    }
}
