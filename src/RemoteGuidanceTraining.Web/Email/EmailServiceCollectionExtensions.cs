namespace RemoteGuidanceTraining.Web.Email;

public static class EmailServiceCollectionExtensions
{
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration, AppPaths paths)
    {
        var section = configuration.GetSection(MailOptions.Section);
        services.Configure<MailOptions>(section);
        var options = section.Get<MailOptions>() ?? new MailOptions();
        if (!options.Transport.Equals("PickupFolder", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Mail:Transport '{options.Transport}' is not supported yet; use PickupFolder.");
        }

        services.AddSingleton<IMailTransport>(new PickupFolderTransport(paths.Resolve(options.PickupFolder)));
        services.AddScoped<AppMailer>();
        return services;
    }
}
