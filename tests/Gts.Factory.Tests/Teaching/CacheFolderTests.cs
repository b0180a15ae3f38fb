using System.Diagnostics;
using Gts.Factory.Teaching;

namespace Gts.Factory.Tests.Teaching;

public sealed class CacheFolderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gts-cachefolder-").FullName;

    [Fact]
    public void A_folder_appears_only_when_published_and_a_killed_writers_half_folder_is_removed()
    {
        var target = Path.Combine(_dir, "key");
        var dead = DeadProcessId();
        var abandoned = Directory.CreateDirectory(target + ".tmp-" + dead).FullName;

        var temp = CacheFolder.Begin(target);
        File.WriteAllText(Path.Combine(temp, "model.onnx"), "weights");

        Assert.False(Directory.Exists(abandoned));
        Assert.False(Directory.Exists(target));
        CacheFolder.Publish(temp, target);
        Assert.Equal("weights", File.ReadAllText(Path.Combine(target, "model.onnx")));
        Assert.False(Directory.Exists(temp));
    }

    [Fact]
    public void The_second_of_two_racing_writers_keeps_the_first_folder_and_drops_its_own()
    {
        var target = Path.Combine(_dir, "key");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "model.onnx"), "first");
        var temp = target + ".tmp-race";
        Directory.CreateDirectory(temp);
        File.WriteAllText(Path.Combine(temp, "model.onnx"), "second");

        CacheFolder.Publish(temp, target);

        Assert.Equal("first", File.ReadAllText(Path.Combine(target, "model.onnx")));
        Assert.False(Directory.Exists(temp));
    }

    [Fact]
    public void The_half_folder_of_a_writer_that_still_runs_is_left_alone()
    {
        var target = Path.Combine(_dir, "key");
        using var sleeper = Process.Start(new ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;
        try
        {
            var alive = Directory.CreateDirectory(target + ".tmp-" + sleeper.Id).FullName;
            CacheFolder.Begin(target);
            Assert.True(Directory.Exists(alive));
        }
        finally
        {
            sleeper.Kill();
        }
    }

    // The id of a process that has ended: start one, wait for it.
    private static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
