using Gts.Core.Errors;
using Gts.Planner.Hardware;
using Gts.Planner.Models;
using Gts.Planner.Validation;

namespace Gts.Planner.Tests;

public sealed class InputErrorTests
{
    [Fact]
    public void Unknown_gpu_type_names_the_field_and_the_known_types()
    {
        var e = Assert.Throws<GtsException>(() => ClusterFile.Parse(
            """{"gpu":"B300","nodes":2,"gpusPerNode":8,"intraNodeGBps":900,"interNodeGBps":50}""", "c.json"));
        Assert.Equal(ErrorKind.InvalidInput, e.Kind);
        Assert.Equal("gpu", e.Location!.Field);
        Assert.Contains("A100-80GB", e.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Hidden_that_does_not_divide_into_heads_names_heads()
    {
        var e = Assert.Throws<GtsException>(() => ModelFile.Parse(
            """{"layers":24,"hidden":1000,"heads":16,"vocab":50000,"seqLength":2048}""", "m.json"));
        Assert.Equal("heads", e.Location!.Field);
        Assert.Contains("multiple of heads", e.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_or_non_positive_fields_are_named()
    {
        var missing = Assert.Throws<GtsException>(() => ModelFile.Parse("""{"layers":24,"hidden":1024,"heads":16,"vocab":50000}""", "m.json"));
        Assert.Equal("seqLength", missing.Location!.Field);
        var negative = Assert.Throws<GtsException>(() => ClusterFile.Parse(
            """{"gpu":"H100-80GB","nodes":-1,"gpusPerNode":8,"intraNodeGBps":450,"interNodeGBps":50}""", "c.json"));
        Assert.Equal("nodes", negative.Location!.Field);
    }

    [Fact]
    public void A_valid_model_file_is_read()
    {
        var m = ModelFile.Parse("""{"name":"x","layers":24,"hidden":1024,"heads":16,"vocab":50000,"seqLength":2048}""", "m.json");
        Assert.Equal(4096, m.FfnHidden);
        Assert.False(m.GatedMlp);
    }

    [Fact]
    public void Unknown_preset_or_missing_file_is_not_found() =>
        Assert.Equal(ErrorKind.NotFound, Assert.Throws<GtsException>(() => ModelFile.Load("gpt-9000t")).Kind);

    [Fact]
    public void Bad_number_in_runs_csv_names_line_and_column()
    {
        string path = Path.Combine(Path.GetTempPath(), $"gts-runs-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "id,layers,hidden,heads,hardware,accelerators,tflops_per_gpu\na,24,1024,16,A100-80GB,8,100\nb,24,lots,16,A100-80GB,8,100\n");
        try
        {
            var e = Assert.Throws<GtsException>(() => RunsCsv.Read(path));
            Assert.Equal(3, e.Location!.Line);
            Assert.Equal("hidden", e.Location.Field);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
