using RemoteGuidanceTraining.Web;
using RemoteGuidanceTraining.Web.Accounts;

var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : null;
var app = SiteBuilder.Build(args);
await app.PrepareAsync();

switch (command)
{
    case null:
        await app.RunAsync();
        return 0;
    case CreateAdminCommand.Name:
        return await CreateAdminCommand.RunAsync(app.Services, args, Console.Out);
    default:
        await Console.Error.WriteLineAsync($"Unknown command '{command}'. Commands: {CreateAdminCommand.Name}.");
        return 2;
}

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
