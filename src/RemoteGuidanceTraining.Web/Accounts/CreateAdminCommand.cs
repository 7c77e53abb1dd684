using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Localization;

namespace RemoteGuidanceTraining.Web.Accounts;

/// <summary>
/// `create-admin --email a@b.fi --name "Full Name" [--password ...]`: makes the first admin on a fresh install
/// (or grants Admin to an existing account). Registration never grants Admin, so the site is not open to
/// whoever registers first. The address must pass registration's checks; an existing account keeps its password,
/// and one without a password (never confirmed) gets the given or a generated one.
/// </summary>
public static class CreateAdminCommand
{
    public const string Name = "create-admin";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output)
    {
        var email = Option(args, "--email")?.Trim();
        var fullName = Option(args, "--name")?.Trim();
        var password = Option(args, "--password");
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(fullName))
        {
            await output.WriteLineAsync("Usage: create-admin --email <address> --name \"<full name>\" [--password <password>]");
            return 2;
        }

        // The command speaks English like the rest of its output, whatever the server's locale: under a C locale
        // no resource matched and the errors came out as their keys.
        using var english = Cultures.Use("en");
        using var scope = services.CreateScope();
        if (AccountAddress.Problem(email, scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>()) is { } problem)
        {
            await output.WriteLineAsync($"Could not use the address {email}: {problem}");
            return 1;
        }

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
                await output.WriteLineAsync("Could not create the user: " + Describe(created));
                return 1;
            }

            await users.AddToRoleAsync(user, Roles.Participant);
            await output.WriteLineAsync($"Created {email}.");
        }
        else if (!await users.HasPasswordAsync(user))
        {
            // Registered on the web (or invited) but never confirmed: nobody could sign in to the admin made here.
            // The operator vouches for the address, as the mailed link would; the name given replaces the registered one.
            user.FullName = fullName;
            var set = await scope.ServiceProvider.GetRequiredService<AccountSetup>().SetPasswordOfProvenAddressAsync(user, password);
            if (!set.Succeeded)
            {
                await output.WriteLineAsync($"Could not set the password of {email}: " + Describe(set));
                return 1;
            }

            await output.WriteLineAsync($"{email} existed without a password (its address was never confirmed): "
                + $"the address is now confirmed, the name is {fullName} and the password is {(generated ? "the one below" : "the one given")}.");
        }
        else
        {
            await output.WriteLineAsync($"{email} exists and has a password, which is unchanged{(generated ? "." : ": --password was not used.")}");
            generated = false;
        }

        if (generated)
        {
            await output.WriteLineAsync($"Password (shown once; change it after signing in): {password}");
        }

        if (!await users.IsInRoleAsync(user, Roles.Admin))
        {
            await users.AddToRoleAsync(user, Roles.Admin);
        }

        await output.WriteLineAsync($"{email} is an admin.");
        return 0;
    }

    /// <summary>Identity reports a bad address both as user name and as e-mail: each message once.</summary>
    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description).Distinct());

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
