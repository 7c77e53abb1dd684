using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Foundation;

/// <summary>
/// The README's fast suite leaves out "Category=Browser" and its browser suite runs only that category, so a class
/// that drives Chromium without the trait runs in the wrong suite (and fails where no Chromium is installed).
/// </summary>
public sealed class TestCategoryTests
{
    [Fact]
    public void Every_test_class_that_drives_the_browser_is_in_the_browser_category()
    {
        var untagged = typeof(TestCategoryTests).Assembly.GetTypes()
            .Where(t => t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(BrowserFixture))))
            .Where(t => !t.GetCustomAttributesData().Any(a => a.AttributeType == typeof(TraitAttribute)
                && a.ConstructorArguments is [{ Value: "Category" }, { Value: "Browser" }]))
            .Select(t => t.Name).Order().ToList();

        Assert.Empty(untagged);
    }
}
