using RemoteGuidanceTraining.Web;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;

var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : null;
var app = SiteBuilder.Build(args);

switch (command)
{
    case null:
        await app.RunAsync();
        return 0;
    case CreateAdminCommand.Name:
        await DatabaseInitializer.RunAsync(app.Services);
        return await CreateAdminCommand.RunAsync(app.Services, args, Console.Out);
    default:
        await Console.Error.WriteLineAsync($"Unknown command '{command}'. Commands: {CreateAdminCommand.Name}.");
        return 2;
}

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
