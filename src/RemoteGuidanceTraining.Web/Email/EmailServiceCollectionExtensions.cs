namespace RemoteGuidanceTraining.Web.Email;

public static class EmailServiceCollectionExtensions
{
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration, AppPaths paths)
    {
        services.AddSettings<MailOptions>(MailOptions.Section)
            .Validate(o => Enum.IsDefined(o.Smtp.Security), $"Mail:Smtp:Security must be one of {SecurityNames}.")
            .Validate(o => !o.Transport.Equals("Smtp", StringComparison.OrdinalIgnoreCase) || !string.IsNullOrWhiteSpace(o.Smtp.Host),
                "Mail:Smtp:Host must name the mail server when Mail:Transport is Smtp.");
        // The transport is chosen now, so a value the binder cannot convert stops the start here, naming the setting.
        var options = SettingsBinding.Read<MailOptions>(configuration, MailOptions.Section);
        switch (options.Transport.ToLowerInvariant())
        {
            case "pickupfolder":
                services.AddSingleton<IMailTransport>(new PickupFolderTransport(paths.Resolve(options.PickupFolder)));
                break;
            case "smtp":
                services.AddSingleton<IMailTransport, SmtpTransport>();
                break;
            default:
                throw new StartupException($"Mail:Transport '{options.Transport}' is not one of PickupFolder, Smtp.");
        }

        services.AddSingleton<OutboxSignal>();
        services.AddScoped<AppMailer>();
        services.AddScoped<MailComposer>();
        services.AddScoped<OutboxReview>();
        services.AddHostedService<OutboxDispatcher>();
        return services;
    }

    private static string SecurityNames => string.Join(", ", SettingsBinding.EnumNames(typeof(SmtpSecurity)));
}
