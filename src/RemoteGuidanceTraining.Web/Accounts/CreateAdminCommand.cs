using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Accounts;

/// <summary>
/// `create-admin --email a@b.fi --name "Full Name" [--password ...]`: makes the first admin on a fresh install
/// (or grants Admin to an existing account). Registration never grants Admin, so the site is not open to
/// whoever registers first.
/// </summary>
public static class CreateAdminCommand
{
    public const string Name = "create-admin";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output)
    {
        var email = Option(args, "--email");
        var fullName = Option(args, "--name");
        var password = Option(args, "--password");
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(fullName))
        {
            await output.WriteLineAsync("Usage: create-admin --email <address> --name \"<full name>\" [--password <password>]");
            return 2;
        }

        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);
        var generated = password is null;
        password ??= GeneratePassword();
        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = fullName };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                await output.WriteLineAsync("Could not create the user: " + string.Join(" ", created.Errors.Select(e => e.Description)));
                return 1;
            }

            await users.AddToRoleAsync(user, Roles.Participant);
            await output.WriteLineAsync($"Created {email}.");
            if (generated)
            {
                await output.WriteLineAsync($"Password (shown once; change it after signing in): {password}");
            }
        }
        else
        {
            await output.WriteLineAsync($"{email} exists; its password is unchanged.");
        }

        if (!await users.IsInRoleAsync(user, Roles.Admin))
        {
            await users.AddToRoleAsync(user, Roles.Admin);
        }

        await output.WriteLineAsync($"{email} is an admin.");
        return 0;
    }

    private static string? Option(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == name)
            {
                return args[i + 1];
            }
        }

        return null;
    }

    private static string GeneratePassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', '-').Replace('/', '_');
}
