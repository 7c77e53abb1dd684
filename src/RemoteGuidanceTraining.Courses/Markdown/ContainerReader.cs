using System.Globalization;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using RemoteGuidanceTraining.Courses.Loading;
using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Courses.Markdown;

/// <summary>
/// Turns the `:::: quiz`, `::: question`, `:::: task` and `::: rubric` containers of a parsed lesson into model
/// objects, reporting every mistake at its line. The lesson HTML shows placeholders in their place.
/// The lesson's title is the default title of its quizzes and tasks.
/// </summary>
internal sealed class ContainerReader(string file, string language, int defaultPassMark, string lessonTitle, IdRegistry ids, ProblemList problems)
{
    /// <summary>Longest quiz or task title: it is shown in lists and reports, not as a paragraph.</summary>
    public const int MaxTitleLength = ContentLimits.MaxQuizOrTaskTitleLength;

    /// <summary>Largest `hours=` of one task: more than a full working month is a typo, not a task.</summary>
    public const decimal MaxTaskHours = 160m;

    private static readonly string[] _quizOptions = ["pass", "title"];
    private static readonly string[] _questionOptions = ["type"];
    private static readonly string[] _taskOptions = ["minlength", "hours", "title", "review", "peer", "peer-required", "peer-names"];

    /// <summary>Most answers one participant is asked to give peer feedback on: more becomes a chore, not feedback.</summary>
    public const int MaxPeer = 5;

    public List<Quiz> Quizzes { get; } = [];

    public List<CourseTask> Tasks { get; } = [];

    public void Read(MarkdownDocument document)
    {
        foreach (var container in document.Descendants<CustomContainer>())
        {
            var line = container.Line + 1;
            switch (container.Info)
            {
                case "quiz":
                    ReadQuiz(container, line);
                    break;
                case "question" when container.Parent is not CustomContainer { Info: "quiz" }:
                    problems.Error(file, line, ProblemCode.QuestionOutsideQuiz);
                    break;
                case "question":
                    break; // read with its quiz
                case "task":
                    ReadTask(container, line);
                    break;
                case "rubric" when container.Parent is not CustomContainer { Info: "task" }:
                    problems.Error(file, line, ProblemCode.RubricOutsideTask);
                    break;
                case "rubric":
                    break; // read with its task
                case null or "":
                    // Usually a closing ':::' one too many: with a nested rubric the task itself needs four colons.
                    problems.Error(file, line, ProblemCode.UnnamedBlock);
                    break;
                default:
                    problems.Error(file, line, ProblemCode.UnknownBlock, container.Info);
                    break;
            }
        }
    }

    private void ReadQuiz(CustomContainer container, int line)
    {
        var arguments = Arguments(container, line, _quizOptions);
        var title = Title(arguments, line);
        var passMark = defaultPassMark;
        if (arguments.Options.TryGetValue("pass", out var pass) && (!int.TryParse(pass, out passMark) || passMark is < 1 or > 100))
        {
            problems.Error(file, line, ProblemCode.QuizPassInvalid, pass);
            passMark = defaultPassMark;
        }

        var questions = new List<Question>();
        foreach (var block in container)
        {
            if (block is CustomContainer { Info: "question" } question)
            {
                if (ReadQuestion(question) is { } read)
                {
                    questions.Add(read);
                }
            }
            else if (block is not CustomContainer)
            {
                problems.Error(file, block.Line + 1, ProblemCode.QuizOnlyQuestions);
            }
        }

        if (questions.Count == 0 && !container.OfType<CustomContainer>().Any(c => c.Info == "question"))
        {
            problems.Error(file, line, ProblemCode.QuizNoQuestions);
        }

        if (ids.Register("quiz", arguments.Id, file, line))
        {
            Quizzes.Add(new Quiz(arguments.Id, passMark, questions, title));
        }
    }

    private Question? ReadQuestion(CustomContainer container)
    {
        var line = container.Line + 1;
        var arguments = Arguments(container, line, _questionOptions);
        var idOk = ids.Register("question", arguments.Id, file, line);
        var blocks = container.ToList();
        var listIndex = blocks.FindIndex(b => b is ListBlock list && list.OfType<ListItemBlock>().Any(IsOption));
        if (listIndex < 0)
        {
            problems.Error(file, line, ProblemCode.QuestionNoOptions, arguments.Id);
            return null;
        }

        var options = new List<QuestionOption>();
        foreach (var item in ((ListBlock)blocks[listIndex]).OfType<ListItemBlock>())
        {
            if (!IsOption(item))
            {
                problems.Error(file, item.Line + 1, ProblemCode.OptionNoBox);
                continue;
            }

            var paragraph = (ParagraphBlock)item[0];
            var box = (TaskList)paragraph.Inline!.FirstChild!;
            var correct = box.Checked;
            box.Remove();
            options.Add(new QuestionOption(((char)('a' + options.Count)).ToString(), FragmentRenderer.Inlines(paragraph, language), correct));
        }

        var type = arguments.Options.GetValueOrDefault("type") switch
        {
            "text" => QuestionType.Text,
            "multiple" => QuestionType.Multiple,
            "single" => QuestionType.Single,
            null => options.Count(o => o.IsCorrect) > 1 ? QuestionType.Multiple : QuestionType.Single,
            var other => Unknown(other, line),
        };
        if (!options.Any(o => o.IsCorrect))
        {
            problems.Error(file, line, type == QuestionType.Text ? ProblemCode.TextQuestionNoAnswer : ProblemCode.QuestionNoCorrect, arguments.Id);
        }

        // A choice with a single option cannot be answered wrong, so it measures nothing; a text question's single
        // accepted answer is fine (the participant types it).
        if (type != QuestionType.Text && options.Count == 1)
        {
            problems.Warning(file, line, ProblemCode.QuestionOneOption, arguments.Id);
        }

        var explanation = FragmentRenderer.Blocks(blocks.Skip(listIndex + 1), language);
        if (explanation.Length == 0)
        {
            problems.Error(file, line, ProblemCode.QuestionNoExplanation, arguments.Id);
        }

        var prompt = FragmentRenderer.Blocks(blocks.Take(listIndex), language);
        if (prompt.Length == 0)
        {
            problems.Error(file, line, ProblemCode.QuestionNoText, arguments.Id);
        }

        var accepted = type == QuestionType.Text ? options.Where(o => o.IsCorrect).Select(o => FragmentRenderer.PlainText(o.Html)).ToList() : [];
        var visibleOptions = type == QuestionType.Text ? [] : options;
        var hash = Hashing.Sha256(string.Join("\n", [type.ToString(), prompt, .. options.Select(o => $"{o.IsCorrect}:{o.Html}")]));
        return idOk ? new Question(arguments.Id, type, prompt, visibleOptions, accepted, explanation, hash) : null;
    }

    private void ReadTask(CustomContainer container, int line)
    {
        var arguments = Arguments(container, line, _taskOptions);
        var minLength = 300;
        if (arguments.Options.TryGetValue("minlength", out var text) && (!int.TryParse(text, out minLength) || minLength < 1))
        {
            problems.Error(file, line, ProblemCode.TaskMinLengthInvalid, text);
            minLength = 300;
        }

        var hours = 1m;
        if (arguments.Options.TryGetValue("hours", out var hoursText)
            && (!decimal.TryParse(hoursText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out hours) || hours <= 0 || hours > MaxTaskHours))
        {
            problems.Error(file, line, ProblemCode.TaskHoursInvalid, hoursText ?? "", MaxTaskHours);
            hours = 1m;
        }

        var rubrics = container.OfType<CustomContainer>().Where(c => c.Info == "rubric").ToList();
        foreach (var extra in rubrics.Skip(1))
        {
            problems.Error(file, extra.Line + 1, ProblemCode.TaskManyRubrics, arguments.Id);
        }

        var rubric = rubrics.Count > 0 ? ReadRubric(rubrics[0]) : [];
        var prompt = FragmentRenderer.Blocks(container.Where(b => !rubrics.Contains(b)), language);
        if (prompt.Length == 0)
        {
            problems.Error(file, line, ProblemCode.TaskNoInstructions, arguments.Id);
        }

        var title = Title(arguments, line);
        var review = ReadReview(arguments, line);
        var (peer, peerRequired, namesShown) = ReadPeer(arguments, line);
        if (ids.Register("task", arguments.Id, file, line))
        {
            Tasks.Add(new CourseTask(arguments.Id, prompt, minLength, title, hours, rubric)
            {
                ReviewRequired = review, Peer = peer, PeerRequired = peerRequired, PeerNamesShown = namesShown,
            });
        }
    }

    /// <summary>`review=required` makes completion wait for a trainer's acceptance; `review=optional` is the default said aloud.</summary>
    private bool ReadReview(ContainerArguments arguments, int line)
    {
        if (!arguments.Options.TryGetValue("review", out var review))
        {
            return false;
        }

        switch (review.ToLowerInvariant())
        {
            case "required":
                return true;
            case "optional":
                return false;
            default:
                problems.Error(file, line, ProblemCode.TaskReviewInvalid, review);
                return false;
        }
    }

    /// <summary>`peer=N` with its two companions; the companions alone are a mistake, since they would do nothing.</summary>
    private (int Peer, bool Required, bool NamesShown) ReadPeer(ContainerArguments arguments, int line)
    {
        var peer = 0;
        if (arguments.Options.TryGetValue("peer", out var peerText) && (!int.TryParse(peerText, NumberStyles.None, CultureInfo.InvariantCulture, out peer) || peer is < 1 or > MaxPeer))
        {
            problems.Error(file, line, ProblemCode.TaskPeerInvalid, peerText ?? "", MaxPeer);
            peer = 0;
        }

        var required = false;
        if (arguments.Options.TryGetValue("peer-required", out var requiredText))
        {
            required = requiredText.ToLowerInvariant() switch
            {
                "true" => true,
                "false" => false,
                _ => Fail(ProblemCode.TaskPeerRequiredInvalid, requiredText),
            };
        }

        var shown = false;
        if (arguments.Options.TryGetValue("peer-names", out var namesText))
        {
            shown = namesText.ToLowerInvariant() switch
            {
                "shown" => true,
                "hidden" => false,
                _ => Fail(ProblemCode.TaskPeerNamesInvalid, namesText),
            };
        }

        if (!arguments.Options.ContainsKey("peer"))
        {
            foreach (var companion in new[] { "peer-required", "peer-names" }.Where(arguments.Options.ContainsKey))
            {
                problems.Error(file, line, ProblemCode.PeerOptionAlone, companion, MaxPeer);
            }
        }

        return peer == 0 ? (0, false, false) : (peer, required, shown);

        bool Fail(ProblemCode code, string value)
        {
            problems.Error(file, line, code, value);
            return false;
        }
    }

    /// <summary>A rubric is one bulleted list, one criterion an item; anything else in it is a mistake.</summary>
    private List<string> ReadRubric(CustomContainer rubric)
    {
        var line = rubric.Line + 1;
        if (!string.IsNullOrWhiteSpace(rubric.Arguments))
        {
            problems.Error(file, line, ProblemCode.RubricOptions);
        }

        var criteria = new List<string>();
        foreach (var block in rubric)
        {
            if (block is ListBlock { IsOrdered: false } list && criteria.Count == 0)
            {
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var html = item.Count == 1 && item[0] is ParagraphBlock paragraph
                        ? FragmentRenderer.Inlines(paragraph, language)
                        : FragmentRenderer.Blocks(item, language);
                    if (html.Length == 0)
                    {
                        problems.Error(file, item.Line + 1, ProblemCode.RubricEmptyCriterion);
                    }
                    else
                    {
                        criteria.Add(html);
                    }
                }
            }
            else
            {
                problems.Error(file, block.Line + 1, ProblemCode.RubricOnlyOneList);
            }
        }

        if (criteria.Count == 0 && rubric.Count == 0)
        {
            problems.Error(file, line, ProblemCode.RubricEmpty);
        }

        return criteria;
    }

    private ContainerArguments Arguments(CustomContainer container, int line, string[] known)
    {
        var arguments = ContainerArguments.Parse(container.Arguments);
        if (arguments.UnclosedQuote)
        {
            problems.Error(file, line, ProblemCode.OptionsUnclosedQuote);
        }

        foreach (var unknown in arguments.Options.Keys.Where(k => !known.Contains(k)))
        {
            problems.Warning(file, line, ProblemCode.OptionUnknown, unknown, container.Info ?? "", string.Join(", ", known));
        }

        return arguments;
    }

    private string Title(ContainerArguments arguments, int line)
    {
        if (!arguments.Options.TryGetValue("title", out var title))
        {
            return lessonTitle;
        }

        if (string.IsNullOrWhiteSpace(title) || title.Length > MaxTitleLength)
        {
            problems.Error(file, line, ProblemCode.BlockTitleInvalid, title, MaxTitleLength);
            return lessonTitle;
        }

        return title.Trim();
    }

    private QuestionType Unknown(string type, int line)
    {
        problems.Error(file, line, ProblemCode.QuestionTypeInvalid, type);
        return QuestionType.Single;
    }

    private static bool IsOption(ListItemBlock item) =>
        item.Count > 0 && item[0] is ParagraphBlock { Inline.FirstChild: TaskList };
}
