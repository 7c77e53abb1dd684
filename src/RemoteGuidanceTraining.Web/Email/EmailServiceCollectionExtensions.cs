namespace RemoteGuidanceTraining.Web.Email;

public static class EmailServiceCollectionExtensions
{
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration, AppPaths paths)
    {
        var section = configuration.GetSection(MailOptions.Section);
        services.Configure<MailOptions>(section);
        var options = section.Get<MailOptions>() ?? new MailOptions();
        switch (options.Transport.ToLowerInvariant())
        {
            case "pickupfolder":
                services.AddSingleton<IMailTransport>(new PickupFolderTransport(paths.Resolve(options.PickupFolder)));
                break;
            case "smtp":
                services.AddSingleton<IMailTransport, SmtpTransport>();
                break;
            default:
                throw new InvalidOperationException($"Mail:Transport '{options.Transport}' is not one of PickupFolder, Smtp.");
        }

        services.AddSingleton<OutboxSignal>();
        services.AddScoped<AppMailer>();
        services.AddScoped<OutboxReview>();
        services.AddHostedService<OutboxDispatcher>();
        return services;
    }
}
