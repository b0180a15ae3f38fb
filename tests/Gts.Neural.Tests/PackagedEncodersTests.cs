using Gts.Neural.Models;

namespace Gts.Neural.Tests;

public sealed class PackagedEncodersTests
{
    [Fact]
    public void Extract_writes_both_files_with_the_packaged_hash_and_repairs_a_damaged_file()
    {
        var dir = Directory.CreateTempSubdirectory("gts-extract-").FullName;
        try
        {
            var spec = PackagedEncoders.ArcticXs with { OnnxPath = Path.Combine(dir, "m", "model.onnx"), VocabPath = Path.Combine(dir, "m", "vocab.txt") };
            PackagedEncoders.Extract(spec);
            Assert.Equal(90_387_631, new FileInfo(spec.OnnxPath).Length);
            Assert.Equal(spec.OnnxSha256, FileHash.Sha256(spec.OnnxPath));
            Assert.Equal(30_522, File.ReadAllLines(spec.VocabPath).Length);

            File.WriteAllText(spec.VocabPath, "[PAD]\n");
            PackagedEncoders.Extract(spec);
            Assert.Equal(30_522, File.ReadAllLines(spec.VocabPath).Length);
            Assert.Empty(Directory.GetFiles(Path.Combine(dir, "m"), "*.tmp"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Specs_name_pooling_and_default_cache_folder()
    {
        Assert.Equal(PoolingMode.Mean, PackagedEncoders.MiniLM.Pooling);
        Assert.Equal(PoolingMode.Cls, PackagedEncoders.ArcticXs.Pooling);
        Assert.EndsWith(Path.Combine("models", "minilm", "model.onnx"), PackagedEncoders.MiniLM.OnnxPath, StringComparison.Ordinal);
        Assert.Equal("arcticxs", PackagedEncoders.Find("Arctic")!.Name);
        Assert.Null(PackagedEncoders.Find("bert-large"));
        Assert.Throws<ArgumentException>(() => PackagedEncoders.Extract(PackagedEncoders.MiniLM with { Name = "other" }));
    }
}
