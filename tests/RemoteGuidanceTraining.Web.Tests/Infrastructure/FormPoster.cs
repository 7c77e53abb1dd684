using System.Net;
using System.Text.RegularExpressions;

namespace RemoteGuidanceTraining.Web.Tests.Infrastructure;

/// <summary>Submits a page's form the way a browser does: GET it, take the anti-forgery token, POST the fields.</summary>
public static partial class FormPoster
{
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, IDictionary<string, string> fields, string? formUrl = null)
    {
        var token = await client.FormTokenAsync(formUrl ?? url);

        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(url, new FormUrlEncodedContent(body));
    }

    /// <summary>As <see cref="PostFormAsync"/>, for a form that sends one name many times (ticked checkboxes).</summary>
    public static async Task<HttpResponseMessage> PostFormFieldsAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? formUrl = null)
    {
        var token = await client.FormTokenAsync(formUrl ?? url);

        var body = fields.Append(new("__RequestVerificationToken", token));
        return await client.PostAsync(url, new FormUrlEncodedContent(body));
    }

    /// <summary>A POST that carries the page's anti-forgery token in the header (as a script would) and the given body, or none.</summary>
    public static async Task<HttpResponseMessage> PostWithTokenHeaderAsync(this HttpClient client, string url, HttpContent? content, string formUrl)
    {
        var token = TokenIn(await client.GetStringAsync(formUrl)) ?? "";
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Add("RequestVerificationToken", token);
        return await client.SendAsync(request);
    }

    /// <summary>As <see cref="PostFormAsync"/>, encoded as multipart/form-data (as a form with a file input sends it); a file is a field whose value is bytes.</summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(this HttpClient client, string url, IDictionary<string, object> fields, string? formUrl = null)
    {
        var token = await client.FormTokenAsync(formUrl ?? url);

        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            if (value is byte[] bytes)
            {
                form.Add(new ByteArrayContent(bytes), name, name + ".csv");
            }
            else
            {
                form.Add(new StringContent((string)value), name);
            }
        }

        return await client.PostAsync(url, form);
    }

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password) =>
        client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>Opens a mailed /Account/SetPassword link and chooses the password, as the mailbox's owner would.</summary>
    /// <summary>Chooses the password; the name the page asks with a first password goes back as the page shows it, as a browser's would.</summary>
    public static async Task<HttpResponseMessage> SetPasswordFromLinkAsync(this HttpClient client, string link, string password)
    {
        var url = new Uri(link).PathAndQuery;
        var fields = new Dictionary<string, string> { ["Password"] = password, ["ConfirmPassword"] = password };
        if (NamePattern().Match(await client.GetStringAsync(url)) is { Success: true } name)
        {
            fields["FullName"] = WebUtility.HtmlDecode(name.Groups[1].Value);
        }

        return await client.PostFormAsync(url, fields);
    }

    [GeneratedRegex("name=\"FullName\" value=\"([^\"]*)\"")]
    private static partial Regex NamePattern();

    /// <summary>The anti-forgery token of the form on <paramref name="formUrl"/>, as a browser sends it back; a page without one is a test error.</summary>
    public static async Task<string> FormTokenAsync(this HttpClient client, string formUrl) =>
        TokenIn(await client.GetStringAsync(formUrl)) ?? throw new InvalidOperationException($"No anti-forgery token on {formUrl}.");

    /// <summary>The first anti-forgery token in a page's HTML, decoded; null when it has none.</summary>
    public static string? TokenIn(string page) =>
        TokenPattern().Match(page) is { Success: true } token ? WebUtility.HtmlDecode(token.Groups[1].Value) : null;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
