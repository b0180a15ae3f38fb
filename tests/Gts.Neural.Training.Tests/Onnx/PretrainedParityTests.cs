using Gts.Neural.Models;
using Gts.Neural.Tokenization;
using Gts.Neural.Training.Onnx;
using static TorchSharp.torch;

namespace Gts.Neural.Training.Tests.Onnx;

public sealed class PretrainedParityTests
{
    [Theory]
    [InlineData("minilm")]
    [InlineData("arcticxs")]
    public void Packaged_encoder_loaded_into_TorchSharp_matches_OnnxRuntime_within_1e_4(string name)
    {
        var spec = PackagedEncoders.Extract(PackagedEncoders.Find(name)!);
        var batch = TokenBatch.From(BertTokenization.Create(spec.VocabPath), TokenBatch.Sentences);
        var file = OnnxEncoderFile.Open(spec.OnnxPath);
        Assert.Equal((6, 384, 12, 1536, 30522), (file.Config.Layers, file.Config.Hidden, file.Config.Heads, file.Config.Intermediate, file.Config.VocabSize));

        using var encoder = file.CreateEncoder();
        encoder.eval();
        float[] ours;
        using (no_grad())
        using (var scope = NewDisposeScope())
        {
            var ids = tensor(batch.Ids, [batch.Batch, batch.Length]);
            var mask = tensor(batch.Mask, [batch.Batch, batch.Length]);
            ours = encoder.Encode(ids, mask).data<float>().ToArray();
        }
        var reference = OrtRunner.Run(spec.OnnxPath, batch, "last_hidden_state");

        double maxDiff = 0;
        for (int t = 0; t < batch.Ids.Length; t++)
        {
            if (batch.Mask[t] == 0) continue;
            for (int h = 0; h < 384; h++) maxDiff = Math.Max(maxDiff, Math.Abs(ours[t * 384 + h] - reference[t * 384 + h]));
        }
        Assert.True(maxDiff < 1e-4, $"max |TorchSharp - ORT| = {maxDiff:E2}");
    }
}
