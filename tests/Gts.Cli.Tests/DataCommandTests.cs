using System.Diagnostics;
using System.Text.Json;

namespace Gts.Cli.Tests;

/// <summary>Runs the built `gts` for the `data` branch and checks exit codes and output.</summary>
public sealed class DataCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "gts-cli-data-" + Guid.NewGuid().ToString("N"));

    public DataCommandTests()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "labels.txt"), "negative\npositive\n");
        File.WriteAllText(Path.Combine(_dir, "train.jsonl"),
            "{\"text\": \"good\", \"label\": \"positive\"}\n{\"text\": \"fine\", \"label\": \"positive\"}\n{\"text\": \"bad\", \"label\": \"negative\"}\n");
        File.WriteAllText(Path.Combine(_dir, "test.jsonl"), "{\"text\": \"great\", \"label\": \"positive\"}\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out) Gts(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "gts.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["COLUMNS"] = "200";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr);
    }

    [Fact]
    public void Validate_exits_0_on_good_data_and_5_when_the_shots_do_not_fit()
    {
        Assert.Equal(0, Gts("data", "validate", _dir, "--shots", "1").Code);
        var (code, output) = Gts("data", "validate", _dir, "--shots", "2");
        Assert.Equal(5, code);
        Assert.Contains("'negative' has 1", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_exits_3_and_names_the_place_on_a_bad_record()
    {
        File.AppendAllText(Path.Combine(_dir, "test.jsonl"), "{\"text\": \"odd\", \"label\": \"neutral\"}\n");
        var (code, output) = Gts("data", "validate", _dir);
        Assert.Equal(3, code);
        Assert.Contains("test.jsonl:2 field 'label'", output, StringComparison.Ordinal);
        Assert.Contains("fix:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_json_prints_the_report()
    {
        var (code, output) = Gts("data", "inspect", _dir, "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var train = doc.RootElement.GetProperty("splits")[0];
        Assert.Equal("train", train.GetProperty("name").GetString());
        Assert.Equal(3, train.GetProperty("rows").GetInt32());
        Assert.Equal([1, 2], train.GetProperty("classCounts").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public void Inspect_of_a_missing_folder_exits_4()
    {
        Assert.Equal(4, Gts("data", "inspect", Path.Combine(_dir, "missing")).Code);
    }
}
