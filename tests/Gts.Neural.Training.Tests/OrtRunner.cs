using Microsoft.ML.OnnxRuntime;

namespace Gts.Neural.Training.Tests;

/// <summary>Runs an ONNX file in ONNX Runtime on one batch and returns a named float output.</summary>
internal static class OrtRunner
{
    public static float[] Run(string onnxPath, TokenBatch batch, string output) => Run(File.ReadAllBytes(onnxPath), batch, output);

    public static float[] Run(byte[] model, TokenBatch batch, string output)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1 };
        using var session = new InferenceSession(model, options);
        long[] shape = [batch.Batch, batch.Length];
        var names = session.InputMetadata.Keys.ToArray();
        var values = names.Select(n => OrtValue.CreateTensorValueFromMemory(
            n == "input_ids" ? batch.Ids : n == "attention_mask" ? batch.Mask : new long[batch.Ids.Length], shape)).ToArray();
        try
        {
            using var runOptions = new RunOptions();
            using var results = session.Run(runOptions, names, values, [output]);
            return results[0].GetTensorDataAsSpan<float>().ToArray();
        }
        finally
        {
            foreach (var v in values) v.Dispose();
        }
    }
}
