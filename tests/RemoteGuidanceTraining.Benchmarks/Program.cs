using BenchmarkDotNet.Running;
using RemoteGuidanceTraining.Benchmarks;

// `certificate-delivery [count]` is an end-to-end load run (issue + mail through a local SMTP server);
// `cohort-import [sizes...]` times the cohort importer on new people;
// everything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "certificate-delivery")
{
    return await CertificateDeliveryRun.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000);
}

if (args.Length > 0 && args[0] == "cohort-import")
{
    return await CohortImportRun.RunAsync(args.Length > 1 ? [.. args.Skip(1).Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture))] : [2000, 10000]);
}

if (args.Length > 0 && args[0] == "certificate-size")
{
    return CertificatePdfSize.Run(args.Length > 1 ? args[1] : null);
}

BenchmarkSwitcher.FromAssembly(typeof(CourseLoadingBenchmarks).Assembly).Run(args);
return 0;
