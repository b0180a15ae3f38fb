using Gts.Data.Validation;

namespace Gts.Data.Tests;

public sealed class SampleDataTests
{
    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Gts.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException($"No Gts.sln above {AppContext.BaseDirectory}.");
    }

    [Fact]
    public void Committed_sample_reviews_are_valid_balanced_and_free_of_overlap()
    {
        var result = DatasetValidator.Validate(Path.Combine(RepoRoot(), "samples", "reviews"), shots: 16);
        Assert.True(result.IsValid, string.Join("\n", result.Errors.Select(e => e.Describe())));
        Assert.Empty(result.Warnings);
        var d = result.Dataset!;
        Assert.Equal(["negative", "positive"], d.Labels.Names);
        Assert.Equal((32, 40, 200, 400), (d.Train.Count, d.Dev.Count, d.Test.Count, d.Unlabeled.Count));
        Assert.Equal(16, d.Train.Count(e => e.Label == 0));
        Assert.Equal(100, d.Test.Count(e => e.Label == 1));
    }
}
