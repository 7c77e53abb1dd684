using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace RemoteGuidanceTraining.Web;

/// <summary>
/// The one way a settings class is read from configuration: as options checked at start (<see cref="AddSettings{T}"/>)
/// and, where a value is needed while the services are composed, at once (<see cref="Read{T}"/>). A value the binder
/// cannot convert ("Security:SignInAttemptsPerMinute=abc") becomes a <see cref="StartupException"/> naming the setting
/// and the value, so the start stops with one line; the binder's own InvalidOperationException ended the process with
/// a stack trace and exit code 134.
/// </summary>
public static class SettingsBinding
{
    /// <summary>Bound from <paramref name="section"/>, its data annotations checked (<see cref="SettingsValidation"/>), at start.</summary>
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, string section) where T : class
    {
        var builder = services.AddOptions<T>();
        builder.Configure<IConfiguration>((options, configuration) => Bind(configuration.GetSection(section), options));
        // As BindConfiguration does: a changed settings file is read again by IOptionsMonitor.
        services.AddSingleton<IOptionsChangeTokenSource<T>>(provider =>
            new ConfigurationChangeTokenSource<T>(builder.Name, provider.GetRequiredService<IConfiguration>()));
        return builder.ValidateSettings(section).ValidateOnStart();
    }

    /// <summary>The section read now, for what is decided while the services are composed (a transport, a folder, a limit).</summary>
    public static T Read<T>(IConfiguration configuration, string section) where T : class, new()
    {
        var options = new T();
        Bind(configuration.GetSection(section), options);
        return options;
    }

    private static void Bind(IConfigurationSection section, object options)
    {
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException e)
        {
            throw new StartupException(Unconvertible(section, options.GetType()) ?? e.Message, e);
        }

        // The binder takes a number for a choice ("Mail:Smtp:Security=2" became Auto): a choice is given by its name.
        if (Unconvertible(section, options.GetType()) is { } numberForName)
        {
            throw new StartupException(numberForName);
        }
    }

    /// <summary>
    /// "Courses:Watch is 'maybe', which is not true or false.", for the first value that does not convert, or a choice
    /// given by anything but one of its names.
    /// </summary>
    private static string? Unconvertible(IConfigurationSection section, Type type)
    {
        foreach (var property in type.GetProperties().Where(p => p.CanWrite))
        {
            var setting = section.GetSection(property.Name);
            var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsSettingsClass(target))
            {
                if (Unconvertible(setting, target) is { } nested)
                {
                    return nested;
                }

                continue;
            }

            if (setting.Value is not { Length: > 0 } value || target == typeof(string))
            {
                continue;
            }

            if (target.IsEnum && !EnumNames(target).Concat(Enum.GetNames(target)).Contains(value.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                return $"{setting.Path} is '{value}', which is not {Expected(target)}.";
            }

            try
            {
                TypeDescriptor.GetConverter(target).ConvertFromInvariantString(value);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException or OverflowException)
            {
                return $"{setting.Path} is '{value}', which is not {Expected(target)}.";
            }
        }

        return null;
    }

    /// <summary>Settings classes nest (Mail:Smtp, Privacy:Retention); they are the site's own classes.</summary>
    private static bool IsSettingsClass(Type type) => type.IsClass && type.Assembly == typeof(SettingsBinding).Assembly;

    private static string Expected(Type type) => type switch
    {
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(int) || type == typeof(long) => "a whole number",
        _ when type == typeof(double) || type == typeof(decimal) => "a number",
        _ when type == typeof(TimeSpan) => "a time span such as 00:05:00",
        { IsEnum: true } => $"one of {string.Join(", ", EnumNames(type))}",
        _ => $"a {type.Name} value",
    };

    /// <summary>In declaration order, one name per value: another name kept for old settings (SmtpSecurity.Tls) is not offered.</summary>
    public static IEnumerable<string> EnumNames(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .DistinctBy(field => field.GetRawConstantValue())
            .Select(field => field.Name);
}
