using RemoteGuidanceTraining.Courses;
using RemoteGuidanceTraining.Web;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Tools;

var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : null;
if (command == "validate-courses")
{
    // No database, no server: trainers and content CI run this on a folder of courses; --extent adds the estimate.
    var extent = args.Contains("--extent");
    args = [.. args.Where(a => a != "--extent")];
    try
    {
        var folder = args.Length > 1 && !args[1].StartsWith('-') ? args[1] : CoursesServiceCollectionExtensions.DefaultFolder(args);
        return CourseValidator.ValidateToConsole(folder, Console.Out, extent);
    }
    catch (StartupException e)
    {
        return StartFailed(e.Message);
    }
}

WebApplication app;
try
{
    app = SiteBuilder.Build(args);
    // Settings and the database migration, for the site and the commands alike.
    await StartChecks.RunAsync(app.Services);
}
catch (StartupException e)
{
    return StartFailed(e.Message);
}

if (command is not null)
{
    // A command serves no request, so the pipeline whose building registers the pages' routes is never built; links
    // (a generated certificate's verification address) need them. The middleware added here never runs.
    app.UseEndpoints(_ => { });
}

switch (command)
{
    case null:
        try
        {
            await app.RunAsync();
        }
        catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            // Another process (or a second start of this one) holds the port: Kestrel's own words name the address.
            return StartFailed(e.Message);
        }

        return 0;
    case CreateAdminCommand.Name:
        return await CreateAdminCommand.RunAsync(app.Services, args, Console.Out);
    case LoadDataGenerator.Name:
        return await LoadDataGenerator.RunAsync(app.Services, args, Console.Out);
    default:
        await Console.Error.WriteLineAsync($"Unknown command '{command}'. Commands: {CreateAdminCommand.Name}, validate-courses, {LoadDataGenerator.Name}.");
        return 2;
}

// One clear line instead of a stack trace: an operator reads it in a service log.
static int StartFailed(string reason)
{
    Console.Error.WriteLine($"The site cannot start: {reason}");
    return 1;
}

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
