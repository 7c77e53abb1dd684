namespace RemoteGuidanceTraining.Web.Security;

/// <summary>
/// A NUL pasted into a field reaches the server as <c>%00</c> in a URL-encoded form, and ASP.NET Core's form reader
/// refuses the whole form for it (dotnet/aspnetcore#29420): antiforgery then answers 400 and everything typed is lost.
/// The <c>%00</c>s are taken out of the body before anything reads it; the other control characters are dropped
/// by the model binder (<see cref="ControlCharacters"/>). Multipart forms are not affected and are left alone.
/// </summary>
public static class NulFreeForms
{
    // A form this large is no typed text (a task answer of 50,000 characters is well under it); the reader's own
    // limits answer it as before.
    private const int MaxScanned = 2 * 1024 * 1024;

    public static IApplicationBuilder UseNulFreeForms(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (HttpMethods.IsPost(request.Method) && request.ContentLength is > 0 and <= MaxScanned
                && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
            {
                var body = new MemoryStream((int)request.ContentLength.Value);
                await request.Body.CopyToAsync(body, context.RequestAborted);
                var length = WithoutNul(body.GetBuffer().AsSpan(0, (int)body.Length));
                body.SetLength(length);
                body.Position = 0;
                request.Body = body;
                request.ContentLength = length;
            }

            await next();
        });

    /// <summary>Removes every <c>%00</c> in place; returns the new length.</summary>
    public static int WithoutNul(Span<byte> form)
    {
        var next = form.IndexOf("%00"u8);
        if (next < 0)
        {
            return form.Length;
        }

        var written = next;
        for (var read = next; read < form.Length;)
        {
            if (form[read..].StartsWith("%00"u8))
            {
                read += 3;
                continue;
            }

            form[written++] = form[read++];
        }

        return written;
    }
}
