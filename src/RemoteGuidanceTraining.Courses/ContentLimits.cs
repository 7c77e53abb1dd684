namespace RemoteGuidanceTraining.Courses;

/// <summary>
/// How long the course values may be that the site stores in database columns or puts into mail subjects. The engine
/// refuses longer ones with a file:line problem, so a course that loads never makes a participant's or coordinator's
/// request fail later; the site's column lengths (Web/Data/FieldLengths) are defined from these.
/// </summary>
public static class ContentLimits
{
    /// <summary>
    /// A course (folder name), module, lesson, quiz, question or task id: progress, quiz results, task answers,
    /// completions and certificates are stored against it in columns of this length.
    /// </summary>
    public const int MaxIdLength = 100;

    /// <summary>
    /// A course, module or lesson title (also the default title of a lesson's quizzes and tasks). A course title is
    /// printed on the certificate (a 300-character column) and follows a prefix of at most ~90 characters in mail
    /// subjects ("Muistutus: …", "Kehittämistehtäväsi palautettiin korjattavaksi – …", a 500-character column);
    /// the site's trainer workspace asks for the same limit when it creates a course, module or lesson.
    /// </summary>
    public const int MaxTitleLength = 200;

    /// <summary>A quiz's or task's own `title="…"`: it is shown in lists and reports, not as a paragraph.</summary>
    public const int MaxQuizOrTaskTitleLength = 150;

    /// <summary>course.yml `version`: stored with every completion and certificate.</summary>
    public const int MaxVersionLength = 40;

    /// <summary>Digits of course.yml `credits` as a certificate stores them (numeric(5,1)): at most 9999.9.</summary>
    public const int CreditsPrecision = 5;

    /// <summary>Decimals of course.yml `credits` as a certificate stores them: one (0.5, 1.5).</summary>
    public const int CreditsScale = 1;

    /// <summary>
    /// course.yml `outcomes`: how many, and their characters in all. Every outcome is printed on the certificate's one
    /// page, beside a name and title as long as they may be; a test renders that case (CertificatePdfRendererTests).
    /// </summary>
    public const int MaxOutcomes = 10, MaxOutcomesLength = 1200;

    /// <summary>The largest `credits` a certificate can record.</summary>
    public const decimal MaxCredits = 9999.9m;
}
