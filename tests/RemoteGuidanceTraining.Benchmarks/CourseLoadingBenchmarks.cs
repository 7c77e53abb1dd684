using BenchmarkDotNet.Attributes;

namespace RemoteGuidanceTraining.Benchmarks;

/// <summary>
/// Loading and rendering course folders, against a baseline that only reads the same files' bytes:
/// the ratio says what parsing, validation and rendering cost on top of the disk.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class CourseLoadingBenchmarks
{
    private string _shipped = "";
    private string _shippedTimesTen = "";
    private string _hundredLessons = "";

    [GlobalSetup]
    public void Setup()
    {
        _shipped = BenchmarkFolders.ShippedCourses();
        _shippedTimesTen = BenchmarkFolders.CopyTimes(_shipped, 10);
        _hundredLessons = BenchmarkFolders.Generated(courses: 2, modulesPerCourse: 5, lessonsPerModule: 10);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Directory.Delete(_shippedTimesTen, recursive: true);
        Directory.Delete(_hundredLessons, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public long ReadShippedBytesOnly() => BenchmarkFolders.ReadAllBytes(_shipped);

    [Benchmark]
    public int LoadShipped() => Courses.CourseLoader.Load(_shipped).Courses.Count;

    [Benchmark]
    public int LoadShippedTimesTen() => Courses.CourseLoader.Load(_shippedTimesTen).Courses.Count;

    [Benchmark]
    public int LoadHundredGeneratedLessons() => Courses.CourseLoader.Load(_hundredLessons).Courses.Count;
}
