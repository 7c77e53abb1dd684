using Xunit.Abstractions;

[assembly: TestCollectionOrderer("RemoteGuidanceTraining.Web.Tests.Infrastructure.BrowserCollectionFirst", "RemoteGuidanceTraining.Web.Tests")]

namespace RemoteGuidanceTraining.Web.Tests.Infrastructure;

/// <summary>
/// Starts the browser tests first. They share one Chromium and run one after another (one collection), the longest
/// chain of the run: started after the other collections had taken both workers for minutes, they ended the run
/// alone for its last minutes. The other collections keep their order.
/// </summary>
public sealed class BrowserCollectionFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(collection => collection.DisplayName == BrowserCollection.Name ? 0 : 1);
}
