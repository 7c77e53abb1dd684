using System.Text.RegularExpressions;
using RemoteGuidanceTraining.Courses.Markdown;
using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Courses.Loading;

/// <summary>course.yml: what the catalogue, the course page and the certificate say about a course.</summary>
internal sealed partial record CourseMetadata(
    string Title, string Summary, string Language, decimal Credits, int Hours, string Version, int PassMark,
    int? ValidityMonths, IReadOnlyList<string> Outcomes,
    IReadOnlyList<string> SourcesHtml, IReadOnlyList<string> Trainers, IReadOnlyList<string> ReviewNotes,
    IReadOnlyList<string> Editors, bool IsDraft)
{
    private static readonly string[] _languages = ["fi", "sv", "en"];

    public static CourseMetadata? Read(string file, ProblemList problems)
    {
        if (!File.Exists(file))
        {
            problems.Error(file, 1, ProblemCode.CourseYmlMissing);
            return null;
        }

        var fields = YamlFields.Parse(File.ReadAllText(file), file, problems);
        if (fields is null)
        {
            return null;
        }

        var title = fields.String("title", required: true, ContentLimits.MaxTitleLength, ProblemCode.CourseTitleTooLong);
        var summary = fields.String("summary", required: true);
        var language = fields.String("language", required: true);
        if (language is not null && !_languages.Contains(language))
        {
            problems.Error(file, fields.LineOf("language"), ProblemCode.LanguageInvalid, language);
        }

        var credits = fields.Decimal("credits", required: true);
        if (credits is { } c && (c > ContentLimits.MaxCredits || c * 10 != Math.Floor(c * 10)))
        {
            problems.Error(file, fields.LineOf("credits"), ProblemCode.CreditsInvalid, ContentLimits.MaxCredits, c);
        }

        var hours = fields.Int("hours", required: true);
        var version = fields.String("version", maxLength: ContentLimits.MaxVersionLength, tooLong: ProblemCode.VersionTooLong) ?? "1";
        var passMark = fields.Int("pass_mark") ?? 80;
        if (passMark is < 1 or > 100)
        {
            problems.Error(file, fields.LineOf("pass_mark"), ProblemCode.PassMarkInvalid);
        }

        var validity = fields.Int("validity_months");
        var outcomes = fields.StringList("outcomes", required: true);
        // All of them are printed on the certificate's one page, which has room for this much and no more.
        if (outcomes.Count > ContentLimits.MaxOutcomes)
        {
            problems.Error(file, fields.LineOf("outcomes"), ProblemCode.OutcomesTooMany, outcomes.Count, ContentLimits.MaxOutcomes);
        }
        else if (outcomes.Sum(o => o.Length) is var length && length > ContentLimits.MaxOutcomesLength)
        {
            problems.Error(file, fields.LineOf("outcomes"), ProblemCode.OutcomesTooLong, length, ContentLimits.MaxOutcomesLength);
        }
        // Accepted and not used since content version 2026.2: the site's Certificates settings name the issuer and
        // signatory in one place, so older course.yml files still load.
        _ = fields.String("issuer");
        var signatory = fields.Mapping("signatory");
        _ = signatory?.String("name");
        _ = signatory?.String("title");
        signatory?.WarnAboutUnknownKeys();
        var sources = fields.StringList("sources").Select(RenderInline).ToList();
        var trainers = fields.StringList("trainers").Select(t => t.ToLowerInvariant()).ToList();
        var reviewNotes = fields.StringList("review_notes");
        var editors = fields.StringList("editors").Select(e => e.ToLowerInvariant()).ToList();
        // The site matches editors to the address a trainer signs in with; anything else lets nobody in. A warning,
        // not an error: the course itself is fine, and its other editors still reach it.
        foreach (var (editor, line) in fields.ItemLines("editors").Where(e => !EmailLike().IsMatch(e.Value)))
        {
            problems.Warning(file, line, ProblemCode.EditorNotEmail, editor);
        }

        var status = fields.String("status") ?? "published";
        if (status is not ("draft" or "published"))
        {
            problems.Error(file, fields.LineOf("status"), ProblemCode.StatusInvalid, status);
        }
        fields.WarnAboutUnknownKeys();
        if (title is null || summary is null || language is null || credits is null || hours is null)
        {
            return null;
        }

        return new CourseMetadata(title, summary, language, credits.Value, hours.Value, version, passMark, validity, outcomes,
            sources, trainers, reviewNotes, editors, status == "draft");
    }

    public Course ToCourse(string id, string folder, IReadOnlyList<CourseModule> modules) => new()
    {
        Id = id,
        Folder = folder,
        Title = Title,
        Summary = Summary,
        Language = Language,
        Credits = Credits,
        Hours = Hours,
        Version = Version,
        PassMark = PassMark,
        ValidityMonths = ValidityMonths,
        Outcomes = Outcomes,
        SourcesHtml = SourcesHtml,
        Trainers = Trainers,
        ReviewNotes = ReviewNotes,
        Editors = Editors,
        IsDraft = IsDraft,
        Modules = modules,
    };

    private static string RenderInline(string markdown)
    {
        var html = Markdig.Markdown.ToHtml(markdown, CoursePipeline.Pipeline).Trim();
        if (html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal))
        {
            html = html[3..^4];
        }

        return CoursePipeline.Sanitize(html);
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailLike();
}
