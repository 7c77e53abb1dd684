using RemoteGuidanceTraining.Courses.Markdown;
using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Courses.Loading;

/// <summary>Reads one course folder into a <see cref="Course"/>, or reports why it cannot be served.</summary>
internal sealed class CourseReader(string rootFolder, string courseFolder, CourseUrls urls)
{
    private readonly ProblemList _problems = new(rootFolder);
    private readonly string _id = Path.GetFileName(courseFolder);

    public IReadOnlyList<CourseProblem> Problems => _problems.Items;

    /// <summary>The course, or null when any error was found (its problems say why).</summary>
    public Course? Read()
    {
        var ids = new IdRegistry(_problems);
        if (!IdRegistry.IsValid(_id))
        {
            _problems.Error(courseFolder, 1, ProblemCode.CourseFolderIdInvalid, _id);
        }
        else if (_id.Length > ContentLimits.MaxIdLength)
        {
            _problems.Error(courseFolder, 1, ProblemCode.CourseFolderIdTooLong, _id[..20], _id.Length, ContentLimits.MaxIdLength);
        }

        var metadata = CourseMetadata.Read(Path.Combine(courseFolder, "course.yml"), _problems);
        var lessonFiles = ScanModules(ids, out var moduleInfo);
        var lessonUrls = lessonFiles.ToDictionary(l => l.Path, l => urls.Lesson(_id, l.ModuleId, l.Id));
        var links = new LinkResolver(_id, Path.GetFullPath(courseFolder), lessonUrls, urls, _problems);
        var language = metadata?.Language ?? "fi";
        var lessons = lessonFiles.Select(file => RenderLesson(file, language, metadata?.PassMark ?? 80, ids, links)).ToList();
        var modules = moduleInfo.Select(m => new CourseModule(m.Id, m.Order, m.Title, m.Objectives,
            lessons.Where(l => l.ModuleId == m.Id).ToList())).ToList();
        foreach (var empty in modules.Where(m => m.Lessons.Count == 0))
        {
            _problems.Error(Path.Combine(courseFolder, moduleInfo.First(m => m.Id == empty.Id).Folder), 1, ProblemCode.ModuleNoLessons, empty.Id);
        }

        if (modules.Count == 0)
        {
            _problems.Error(Path.Combine(courseFolder, "course.yml"), 1, ProblemCode.CourseNoModules);
        }

        if (metadata is null || _problems.HasErrors)
        {
            return null;
        }

        return metadata.ToCourse(_id, Path.GetFullPath(courseFolder), modules);
    }

    private List<LessonFile> ScanModules(IdRegistry ids, out List<ModuleInfo> modules)
    {
        modules = [];
        var lessons = new List<LessonFile>();
        foreach (var folder in Directory.GetDirectories(courseFolder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            if (OrderedName.IsIgnored(name))
            {
                continue;
            }

            if (OrderedName.Parse(name) is not { } parsed)
            {
                _problems.Warning(folder, 1, ProblemCode.FolderSkipped, name);
                continue;
            }

            var info = ModuleInfo.Read(folder, parsed.Order, parsed.Id, _problems);
            if (!ids.Register("module", parsed.Id, folder, 1))
            {
                continue;
            }

            modules.Add(info);
            lessons.AddRange(ScanLessons(folder, parsed.Id, ids));
        }

        return lessons;
    }

    private IEnumerable<LessonFile> ScanLessons(string moduleFolder, string moduleId, IdRegistry ids)
    {
        foreach (var path in Directory.GetFiles(moduleFolder, "*.md").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (OrderedName.IsIgnored(name) || name.Equals("README", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (OrderedName.Parse(name) is not { } parsed)
            {
                _problems.Warning(path, 1, ProblemCode.FileSkipped, Path.GetFileName(path));
                continue;
            }

            var text = File.ReadAllText(path);
            var frontMatter = FrontMatter.Read(text, path, _problems);
            var id = frontMatter.Id ?? parsed.Id;
            if (ids.Register("lesson", id, path, 1))
            {
                yield return new LessonFile(Path.GetFullPath(path), moduleId, parsed.Order, id, text, frontMatter);
            }
        }
    }

    private Lesson RenderLesson(LessonFile file, string language, int passMark, IdRegistry ids, LinkResolver links)
    {
        var document = Markdig.Markdown.Parse(file.Text, CoursePipeline.Pipeline);
        links.Resolve(document, file.Path);
        var containers = new ContainerReader(file.Path, language, passMark, file.FrontMatter.Title ?? file.Id, ids, _problems);
        containers.Read(document);
        using var writer = new StringWriter();
        CoursePipeline.CreateRenderer(writer, language).Render(document);
        var html = CoursePipeline.WrapTables(CoursePipeline.Sanitize(writer.ToString()), language);
        var words = FragmentRenderer.CountWords(html);
        return new Lesson(file.Id, file.ModuleId, file.FrontMatter.Title ?? file.Id, file.FrontMatter.Minutes, html,
            containers.Quizzes, containers.Tasks, file.Path, words)
        {
            Segments = LessonSegmenter.Split(html, containers.Quizzes, containers.Tasks),
        };
    }
}
