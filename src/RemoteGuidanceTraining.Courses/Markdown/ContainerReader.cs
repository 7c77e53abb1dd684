using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using RemoteGuidanceTraining.Courses.Loading;
using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Courses.Markdown;

/// <summary>
/// Turns the `:::: quiz`, `::: question` and `::: task` containers of a parsed lesson into model objects,
/// reporting every mistake at its line. The lesson HTML shows placeholders in their place.
/// </summary>
internal sealed class ContainerReader(string file, string language, int defaultPassMark, IdRegistry ids, ProblemList problems)
{
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
                    problems.Error(file, line, "A question must be inside a quiz: put it between ':::: quiz <id>' and '::::'.");
                    break;
                case "question":
                    break; // read with its quiz
                case "task":
                    ReadTask(container, line);
                    break;
                default:
                    problems.Error(file, line, $"Unknown block '::: {container.Info}'. Known blocks: quiz, question, task.");
                    break;
            }
        }
    }

    private void ReadQuiz(CustomContainer container, int line)
    {
        var arguments = ContainerArguments.Parse(container.Arguments);
        var passMark = defaultPassMark;
        if (arguments.Options.TryGetValue("pass", out var pass) && (!int.TryParse(pass, out passMark) || passMark is < 1 or > 100))
        {
            problems.Error(file, line, $"pass={pass}: the pass mark must be a whole percentage 1-100.");
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
                problems.Error(file, block.Line + 1, "Only '::: question' blocks belong inside a quiz.");
            }
        }

        if (questions.Count == 0 && !container.OfType<CustomContainer>().Any(c => c.Info == "question"))
        {
            problems.Error(file, line, "The quiz has no questions.");
        }

        if (ids.Register("quiz", arguments.Id, file, line))
        {
            Quizzes.Add(new Quiz(arguments.Id, passMark, questions));
        }
    }

    private Question? ReadQuestion(CustomContainer container)
    {
        var line = container.Line + 1;
        var arguments = ContainerArguments.Parse(container.Arguments);
        var idOk = ids.Register("question", arguments.Id, file, line);
        var blocks = container.ToList();
        var listIndex = blocks.FindIndex(b => b is ListBlock list && list.OfType<ListItemBlock>().Any(IsOption));
        if (listIndex < 0)
        {
            problems.Error(file, line, $"Question '{arguments.Id}' has no options: list them as '- [x] right' and '- [ ] wrong'.");
            return null;
        }

        var options = new List<QuestionOption>();
        foreach (var item in ((ListBlock)blocks[listIndex]).OfType<ListItemBlock>())
        {
            if (!IsOption(item))
            {
                problems.Error(file, item.Line + 1, "Each option must start with '[ ]' or '[x]'.");
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
            problems.Error(file, line, type == QuestionType.Text
                ? $"Text question '{arguments.Id}' has no accepted answer: mark each accepted answer '- [x] ...'."
                : $"Question '{arguments.Id}' has no correct option: mark at least one '- [x]'.");
        }

        var explanation = FragmentRenderer.Blocks(blocks.Skip(listIndex + 1), language);
        if (explanation.Length == 0)
        {
            problems.Error(file, line, $"Question '{arguments.Id}' needs an explanation after the options (shown once the participant has answered).");
        }

        var prompt = FragmentRenderer.Blocks(blocks.Take(listIndex), language);
        if (prompt.Length == 0)
        {
            problems.Error(file, line, $"Question '{arguments.Id}' has no question text before its options.");
        }

        var accepted = type == QuestionType.Text ? options.Where(o => o.IsCorrect).Select(o => FragmentRenderer.PlainText(o.Html)).ToList() : [];
        var visibleOptions = type == QuestionType.Text ? [] : options;
        var hash = Hashing.Sha256(string.Join("\n", [type.ToString(), prompt, .. options.Select(o => $"{o.IsCorrect}:{o.Html}")]));
        return idOk ? new Question(arguments.Id, type, prompt, visibleOptions, accepted, explanation, hash) : null;
    }

    private void ReadTask(CustomContainer container, int line)
    {
        var arguments = ContainerArguments.Parse(container.Arguments);
        var minLength = 300;
        if (arguments.Options.TryGetValue("minlength", out var text) && (!int.TryParse(text, out minLength) || minLength < 1))
        {
            problems.Error(file, line, $"minlength={text}: the minimum length must be a positive whole number of characters.");
            minLength = 300;
        }

        var prompt = FragmentRenderer.Blocks(container, language);
        if (prompt.Length == 0)
        {
            problems.Error(file, line, $"Task '{arguments.Id}' has no instructions.");
        }

        if (ids.Register("task", arguments.Id, file, line))
        {
            Tasks.Add(new CourseTask(arguments.Id, prompt, minLength));
        }
    }

    private QuestionType Unknown(string type, int line)
    {
        problems.Error(file, line, $"type={type}: use single, multiple or text.");
        return QuestionType.Single;
    }

    private static bool IsOption(ListItemBlock item) =>
        item.Count > 0 && item[0] is ParagraphBlock { Inline.FirstChild: TaskList };
}
