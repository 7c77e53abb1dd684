using System.Globalization;

namespace RemoteGuidanceTraining.Courses.Model;

/// <summary>
/// The English text of each <see cref="ProblemCode"/>, a composite format with the problem's arguments as {0}, {1}, …
/// The site's resources hold the same texts in Finnish, Swedish and English under "CourseProblem.&lt;code&gt;".
/// </summary>
public static class ProblemTexts
{
    public static string English(ProblemCode code, IReadOnlyList<string> arguments) =>
        string.Format(CultureInfo.InvariantCulture, EnglishFormat(code), [.. arguments]);

    // No discard arm: a code added without its text is a compile error (CS8509), not a runtime surprise.
#pragma warning disable CS8524 // an undefined numeric value is a programming error and throws
    public static string EnglishFormat(ProblemCode code) => code switch
#pragma warning restore CS8524
    {
        ProblemCode.CoursesFolderMissing => "The courses folder does not exist.",
        ProblemCode.CourseUnreadable => "Could not read the course.",

        ProblemCode.IdMissing => "The {0} needs an id after the keyword, e.g. '{0} my-{0}-1'.",
        ProblemCode.IdInvalid => "Invalid {0} id '{1}': use lowercase letters a-z, digits and '-'.",
        ProblemCode.IdTooLong => "The {0} id '{1}…' has {2} characters: an id may have at most {3} (progress is stored against it). Shorten it; participants' progress on the old id does not carry over.",
        ProblemCode.IdDuplicate => "Duplicate {0} id '{1}' (first used in {2}:{3}).",

        ProblemCode.YamlNeedsQuotes => "Invalid YAML at column {0}: the value has a colon in it. Put the whole value in quotation marks, e.g. title: \"Start: channels\".",
        ProblemCode.YamlTab => "Invalid YAML at column {0}: a tab in the indentation. Indent with spaces only.",
        ProblemCode.YamlUnclosedBracket => "Invalid YAML at column {0}: '{1}' is never closed with '{2}'.",
        ProblemCode.YamlBrackets => "Invalid YAML at column {0}: check the brackets. A list in [ ] has its items separated by commas and ends with ']'; text with brackets or commas goes in quotation marks.",
        ProblemCode.YamlUnclosedQuote => "Invalid YAML at column {0}: a quotation mark is never closed. End the value with the same mark it starts with (\" or ').",
        ProblemCode.YamlDuplicateKey => "Invalid YAML at column {0}: '{1}' appears twice. Keep only one.",
        ProblemCode.YamlSpecialStart => "Invalid YAML at column {0}: a value starting with a special character (such as @, `, *, & or !) must be in quotation marks.",
        ProblemCode.YamlIndentation => "Invalid YAML at column {0}: check the indentation. Each line is 'key: value', and a list's '- ' items are indented evenly under their key.",
        ProblemCode.YamlOther => "Invalid YAML at column {0}: check quotation marks, brackets and indentation.",
        ProblemCode.YamlUnreadable => "Invalid YAML: check brackets and quotation marks.",
        ProblemCode.YamlNotMapping => "Expected 'key: value' lines (YAML mapping).",

        ProblemCode.FieldTooLong => "'{0}' has {1} characters: at most {2} are allowed.",
        ProblemCode.CourseTitleTooLong => "'{0}' has {1} characters: at most {2} are allowed (it is printed on certificates and put in mail subjects).",
        ProblemCode.ModuleTitleTooLong => "'{0}' has {1} characters: at most {2} are allowed (it is shown in reports and charts).",
        ProblemCode.LessonTitleTooLong => "'{0}' has {1} characters: at most {2} are allowed (it is the default title of the lesson's quizzes and tasks in reports).",
        ProblemCode.VersionTooLong => "'{0}' has {1} characters: at most {2} are allowed (it is stored with every completion and certificate).",
        ProblemCode.FieldNotSingle => "'{0}' must be a single value.",
        ProblemCode.FieldMissing => "Missing required field '{0}'.",
        ProblemCode.FieldNotNumber => "'{0}' must be a number, not '{1}'.",
        ProblemCode.FieldNotWholeNumber => "'{0}' must be a whole number.",
        ProblemCode.FieldTooLarge => "'{0}' is too large.",
        ProblemCode.ListItemNotText => "Each item of '{0}' must be a line of text.",
        ProblemCode.ListEmpty => "'{0}' needs at least one item.",
        ProblemCode.ListMissing => "Missing required field '{0}' (a list: lines starting with '- ').",
        ProblemCode.FieldNotList => "'{0}' must be a list (lines starting with '- ').",
        ProblemCode.FieldNotMapping => "'{0}' must have indented fields under it (e.g. 'name: ...').",
        ProblemCode.FieldUnknown => "Unknown field '{0}' is ignored (typo?).",

        ProblemCode.CourseFolderIdInvalid => "Course folder name '{0}' is not a valid id: use lowercase letters a-z, digits and '-'.",
        ProblemCode.CourseFolderIdTooLong => "Course folder name: the course id '{0}…' has {1} characters: an id may have at most {2} (progress is stored against it). Shorten it; participants' progress on the old id does not carry over.",
        ProblemCode.ModuleNoLessons => "Module '{0}' has no lessons (files named like '01-lesson-id.md').",
        ProblemCode.CourseNoModules => "The course has no modules (folders named like '01-module-id').",
        ProblemCode.FolderSkipped => "Folder '{0}' is skipped: module folders are named like '01-module-id'.",
        ProblemCode.FileSkipped => "File '{0}' is skipped: lesson files are named like '01-lesson-id.md'. A downloadable template is saved as .txt (or .csv, .docx) instead.",
        ProblemCode.CourseYmlMissing => "Missing course.yml: every course folder needs one (title, summary, language, credits, ...).",
        ProblemCode.LanguageInvalid => "language '{0}' is not one of fi, sv, en.",
        ProblemCode.CreditsInvalid => "'credits' must be at most {0} with at most one decimal (0.5, 1.5), as certificates record it, not '{1}'.",
        ProblemCode.PassMarkInvalid => "pass_mark must be a percentage 1-100.",
        ProblemCode.OutcomesTooMany => "'outcomes' has {0} items: at most {1} fit on the certificate.",
        ProblemCode.OutcomesTooLong => "'outcomes' has {0} characters in all: at most {1} fit on the certificate.",
        ProblemCode.EditorNotEmail => "editors: '{0}' is not an e-mail address, so it lets nobody edit the course (write the address the trainer signs in with).",
        ProblemCode.StatusInvalid => "status '{0}' is not one of draft, published.",
        ProblemCode.ModuleYmlMissing => "Missing module.yml: it gives the module its title ('title: ...') and objectives.",
        ProblemCode.FrontMatterMissing => "The lesson must start with front matter: '---', 'title: ...', '---'.",
        ProblemCode.FrontMatterUnclosed => "The front matter has no closing '---' line.",
        ProblemCode.LessonNoTitle => "The lesson has no title: add 'title: ...' to its front matter.",

        ProblemCode.QuestionOutsideQuiz => "A question must be inside a quiz: put it between ':::: quiz <id>' and '::::'.",
        ProblemCode.RubricOutsideTask => "A rubric must be inside a task: put '::: rubric' between ':::: task <id>' and '::::'.",
        ProblemCode.UnnamedBlock => "A ':::' here opens a block without a name, so a block above was already closed. A task that holds a rubric is opened with ':::: task <id>' and closed with '::::' (four colons).",
        ProblemCode.UnknownBlock => "Unknown block '::: {0}'. Known blocks: quiz, question, task, rubric.",
        ProblemCode.QuizPassInvalid => "pass={0}: the pass mark must be a whole percentage 1-100.",
        ProblemCode.QuizOnlyQuestions => "Only '::: question' blocks belong inside a quiz.",
        ProblemCode.QuizNoQuestions => "The quiz has no questions.",
        ProblemCode.QuestionNoOptions => "Question '{0}' has no options: list them as '- [x] right' and '- [ ] wrong'.",
        ProblemCode.OptionNoBox => "Each option must start with '[ ]' or '[x]'.",
        ProblemCode.TextQuestionNoAnswer => "Text question '{0}' has no accepted answer: mark each accepted answer '- [x] ...'.",
        ProblemCode.QuestionNoCorrect => "Question '{0}' has no correct option: mark at least one '- [x]'.",
        ProblemCode.QuestionOneOption => "Question '{0}' has only one option, so it cannot be answered wrong: add at least one wrong option '- [ ] ...'.",
        ProblemCode.QuestionNoExplanation => "Question '{0}' needs an explanation after the options (shown once the participant has answered).",
        ProblemCode.QuestionNoText => "Question '{0}' has no question text before its options.",
        ProblemCode.QuestionTypeInvalid => "type={0}: use single, multiple or text.",
        ProblemCode.TaskMinLengthInvalid => "minlength={0}: the minimum length must be a positive whole number of characters.",
        ProblemCode.TaskHoursInvalid => "hours={0}: the task's hours must be a number above 0 and at most {1}, with a point as decimal separator (hours=1.5).",
        ProblemCode.TaskManyRubrics => "Task '{0}' has more than one rubric: put all criteria in one '::: rubric' list.",
        ProblemCode.TaskNoInstructions => "Task '{0}' has no instructions.",
        ProblemCode.TaskReviewInvalid => "review={0}: write review=required (the task counts for completion once a trainer accepts the answer) or review=optional (the default).",
        ProblemCode.TaskPeerInvalid => "peer={0}: the number of others' answers each participant gives feedback on must be a whole number 1-{1}.",
        ProblemCode.TaskPeerRequiredInvalid => "peer-required={0}: write peer-required=true (completion waits for the participant's peer feedback) or peer-required=false (the default).",
        ProblemCode.TaskPeerNamesInvalid => "peer-names={0}: write peer-names=hidden (the default: peers see numbered answers) or peer-names=shown.",
        ProblemCode.PeerOptionAlone => "{0}= only applies to a task with peer feedback: add peer=<number of answers> (1-{1}) or remove {0}=.",
        ProblemCode.RubricOptions => "'::: rubric' takes no id or options: write the criteria as a bulleted list below it.",
        ProblemCode.RubricEmptyCriterion => "An empty rubric criterion: write what the answer should show.",
        ProblemCode.RubricOnlyOneList => "Only one bulleted list ('- criterion' lines) belongs in a rubric; put instructions before the rubric.",
        ProblemCode.RubricEmpty => "The rubric is empty: list the criteria as '- criterion' lines.",
        ProblemCode.OptionsUnclosedQuote => "A quoted value has no closing '\"': write title=\"…\" with both quotes.",
        ProblemCode.OptionUnknown => "Unknown option '{0}=' on '{1}' is ignored. Known options: {2}.",
        ProblemCode.BlockTitleInvalid => "title=\"{0}\": a title must have 1-{1} characters (leave it out to use the lesson title).",

        ProblemCode.LinkSchemeNotAllowed => "Links of type '{0}:' are not allowed.",
        ProblemCode.LinkAbsolute => "{0} '{1}' is an absolute path; use a path relative to the lesson file.",
        ProblemCode.LinkOutside => "{0} '{1}' points outside the course folder.",
        ProblemCode.LinkNotFound => "{0} '{1}': file not found (broken link).",
        ProblemCode.LinkSymlinkOutside => "{0} '{1}' leads outside the course folder through a symbolic link.",
        ProblemCode.LinkNotMedia => "{0} '{1}': only media files ({2}) can be linked.",
        ProblemCode.ImageNoAlt => "Image has no alt text: describe it for people who cannot see it (alt=\"...\", or alt=\"\" for decoration).",
        ProblemCode.ImageNoSrc => "Image has no src.",
        ProblemCode.ImageSchemeNotAllowed => "Images of type '{0}:' are not allowed.",
    };
}
