using System.Text;

namespace RemoteGuidanceTraining.Benchmarks;

/// <summary>Course folders to measure: the shipped ones, ten copies of them, and a generated set of a known size.</summary>
internal static class BenchmarkFolders
{
    public static string ShippedCourses()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RemoteGuidanceTraining.sln")))
            {
                return Path.Combine(dir.FullName, "courses");
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }

    public static string CopyTimes(string source, int times)
    {
        var target = NewFolder();
        foreach (var course in Directory.GetDirectories(source))
        {
            for (var i = 0; i < times; i++)
            {
                Copy(course, Path.Combine(target, $"{Path.GetFileName(course)}-{i}"));
            }
        }

        return target;
    }

    public static string Generated(int courses, int modulesPerCourse, int lessonsPerModule)
    {
        var root = NewFolder();
        for (var c = 0; c < courses; c++)
        {
            var course = Directory.CreateDirectory(Path.Combine(root, $"kurssi-{c}")).FullName;
            File.WriteAllText(Path.Combine(course, "course.yml"),
                "title: Kurssi\nsummary: Kuvaus.\nlanguage: fi\ncredits: 5\nhours: 135\noutcomes:\n  - Osaat.\nissuer: Testi\nsignatory:\n  name: A\n");
            for (var m = 0; m < modulesPerCourse; m++)
            {
                var module = Directory.CreateDirectory(Path.Combine(course, $"{m:D2}-osio-{m}")).FullName;
                File.WriteAllText(Path.Combine(module, "module.yml"), $"title: Osio {m}\n");
                for (var l = 0; l < lessonsPerModule; l++)
                {
                    File.WriteAllText(Path.Combine(module, $"{l:D2}-tunti-{m}-{l}.md"), Lesson(m, l));
                }
            }
        }

        return root;
    }

    public static long ReadAllBytes(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Sum(f => (long)File.ReadAllBytes(f).Length);

    /// <summary>A lesson of about 600 words with a table, a callout, a four-question quiz and a task.</summary>
    private static string Lesson(int module, int lesson)
    {
        var text = new StringBuilder($"---\ntitle: Tunti {module}.{lesson}\nminutes: 20\n---\n\n");
        for (var p = 0; p < 8; p++)
        {
            text.Append("## Otsikko ").Append(p).Append("\n\nEtäohjauksessa ohjaaja ja asiakas ovat yhteydessä chatin, videon, puhelimen tai sähköpostin kautta, ")
                .Append("ja kanavan valinta riippuu tapaamisen tavoitteesta, asiakkaan tilanteesta ja käytettävissä olevista resursseista. ")
                .Append("Luottamus rakentuu selkeästä aloituksesta, kiireettömyydestä ja siitä, että asiakas tietää, mitä tiedoille tapahtuu.\n\n");
        }

        text.Append("| Kanava | Sopii |\n|---|---|\n| Chat | nopeat kysymykset |\n| Video | pidempi keskustelu |\n\n> [!TIP]\n> Sovi varasuunnitelma.\n\n");
        text.Append($":::: quiz visa-{module}-{lesson}\n");
        for (var q = 0; q < 4; q++)
        {
            text.Append($"::: question k-{module}-{lesson}-{q}\nKysymys {q}?\n\n- [ ] Väärä\n- [x] Oikea\n\nPerustelu.\n:::\n\n");
        }

        text.Append($"::::\n\n::: task t-{module}-{lesson} minlength=300\nKirjoita omasta työstäsi.\n:::\n");
        return text.ToString();
    }

    private static string NewFolder() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "rgt-bench", Guid.NewGuid().ToString("N"))).FullName;

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.GetDirectories(from))
        {
            Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}
