using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Accounts;

/// <summary>
/// MVC treats every non-nullable string it binds as required, and a field without its own [Required] gets the
/// framework's English "The … field is required." even on a Finnish or Swedish page.
/// </summary>
public sealed class RequiredFieldMessageTests(TestSite site) : IClassFixture<TestSite>
{
    [Theory]
    [InlineData("fi", "Salasana uudelleen on pakollinen tieto.")]
    [InlineData("sv", "Lösenordet igen: fältet är obligatoriskt.")]
    public async Task An_empty_confirmation_on_the_password_link_page_is_told_in_the_pages_language(string language, string message)
    {
        var email = $"linkki-{language}@example.fi";
        await TestUsers.CreateAsync(site.Services, email);
        var client = Client(language);
        await client.PostFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = email });
        var url = new Uri(PickupMailbox.LinkIn(await site.Mailbox.WaitForAsync(email), "/Account/SetPassword")).PathAndQuery;

        var response = await client.PostFormAsync(url, new Dictionary<string, string> { ["Password"] = "uusi-pitka-salasana", ["ConfirmPassword"] = "" });

        AssertMessage(await response.Content.ReadAsStringAsync(), message);
    }

    [Theory]
    [InlineData("fi", "Salasana uudelleen on pakollinen tieto.")]
    [InlineData("sv", "Lösenordet igen: fältet är obligatoriskt.")]
    public async Task An_empty_confirmation_on_the_change_password_page_is_told_in_the_pages_language(string language, string message)
    {
        var email = $"vaihto-{language}@example.fi";
        await TestUsers.CreateAsync(site.Services, email);
        var client = Client(language);
        await client.SignInAsync(email, TestUsers.Password); // signing in brings back the account's language, Finnish
        await client.PostFormAsync("/Language", new Dictionary<string, string> { ["culture"] = language, ["returnUrl"] = "/" }, formUrl: "/");

        var response = await client.PostFormAsync("/Account/Manage/Password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = TestUsers.Password, ["Input.NewPassword"] = "uusi-pitka-salasana", ["Input.ConfirmPassword"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertMessage(await response.Content.ReadAsStringAsync(), message);
    }

    /// <summary>
    /// A non-nullable bool or number ("Muista minut tällä laitteella") got MVC's implicit [Required] for client
    /// validation, whose message is English whatever the page's language, written into the form as data-val-required.
    /// </summary>
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/Account/Register")]
    [InlineData("/Account/ForgotPassword")]
    [InlineData("/Account/ResendConfirmation")]
    public async Task A_signed_out_form_in_finnish_carries_no_english_required_message(string page)
    {
        var html = await Client("fi").GetStringAsync(page);

        Assert.Contains("<form", html);
        Assert.DoesNotContain("field is required", html);
    }

    [Theory]
    [InlineData("/Account/Manage")]
    [InlineData("/Account/Manage/Email")]
    [InlineData("/Account/Manage/Password")]
    [InlineData("/Account/Manage/Delete")]
    [InlineData("/Network/Profile")]
    [InlineData("/Coordination/Cohorts")]
    public async Task A_signed_in_form_in_finnish_carries_no_english_required_message(string page)
    {
        var (client, _) = await TestUsers.SignedInCoordinatorAsync(site, $"Lomakekunta {page}");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fi");

        var html = await client.GetStringAsync(page);

        Assert.Contains("<form", html);
        Assert.DoesNotContain("field is required", html);
    }

    /// <summary>The same gap anywhere else: every string a page binds without allowing null carries its own message.</summary>
    [Fact]
    public void Every_bound_string_that_cannot_be_empty_has_a_localized_required_message()
    {
        var pages = typeof(Program).Assembly.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract);
        var gaps = pages.SelectMany(page => BoundProperties(page).SelectMany(p => Gaps(page.Name, p, depth: 0))).ToList();

        Assert.Empty(gaps);
    }

    private HttpClient Client(string language)
    {
        var client = site.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    private static void AssertMessage(string page, string message)
    {
        var html = WebUtility.HtmlDecode(page);
        Assert.Contains(message, html);
        Assert.DoesNotMatch(">[^<]*field is required", html); // shown text, not a data-val attribute no script reads
    }

    private static IEnumerable<PropertyInfo> BoundProperties(Type page)
    {
        var all = page.GetCustomAttribute<BindPropertiesAttribute>() is not null;
        return page.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && (all || p.GetCustomAttribute<BindPropertyAttribute>() is not null));
    }

    private static IEnumerable<string> Gaps(string owner, PropertyInfo property, int depth)
    {
        var type = property.PropertyType;
        if (type == typeof(string))
        {
            var nullable = new NullabilityInfoContext().Create(property).WriteState == NullabilityState.Nullable;
            var required = property.GetCustomAttribute<RequiredAttribute>();
            var skipped = property.GetCustomAttribute<ValidateNeverAttribute>() is not null;
            if (!nullable && !skipped && required?.ErrorMessage is null)
            {
                yield return $"{owner}.{property.Name}";
            }

            yield break;
        }

        // A bound input model (e.g. Input): its own properties are bound the same way.
        if (depth < 2 && type.IsClass && type.Namespace?.StartsWith("RemoteGuidanceTraining", StringComparison.Ordinal) == true)
        {
            foreach (var inner in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                foreach (var gap in Gaps($"{owner}.{property.Name}", inner, depth + 1))
                {
                    yield return gap;
                }
            }
        }
    }
}
