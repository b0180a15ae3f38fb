using Gts.Core.Data;
using Gts.Core.Errors;
using Gts.Neural.Tokenization;
using Microsoft.ML.OnnxRuntime;

namespace Gts.Neural.Student;

/// <summary>Runs an exported student with ONNX Runtime alone (no TorchSharp): texts in, class probabilities out.</summary>
public sealed class StudentClassifier : IDisposable
{
    public const string ModelFile = "model.onnx";
    public const string VocabFile = "vocab.txt";
    public const string LabelsFile = "labels.txt";

    private readonly InferenceSession _session;
    private readonly StudentFeaturizer _featurizer;
    private readonly RunOptions _run = new();

    private StudentClassifier(InferenceSession session, StudentFeaturizer featurizer, StudentConfig config, LabelSet labels)
    {
        _session = session;
        _featurizer = featurizer;
        Config = config;
        Labels = labels;
    }

    public StudentConfig Config { get; }

    public LabelSet Labels { get; }

    /// <summary>Texts per ONNX Runtime call; texts are sorted by length first so batches carry little padding.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Opens a model directory written by the export step.</summary>
    public static StudentClassifier Open(string directory, int threads = 1)
    {
        var config = StudentConfig.Load(directory);
        foreach (var f in new[] { ModelFile, VocabFile, LabelsFile })
            if (!File.Exists(Path.Combine(directory, f)))
                throw new GtsException(ErrorKind.NotFound, $"the model directory lacks {f}", "pass the directory that `gts produce` exported", new SourceLocation(Path.Combine(directory, f)));
        var labels = new LabelSet(File.ReadAllLines(Path.Combine(directory, LabelsFile)).Where(l => l.Length > 0));
        var tokenizer = BertTokenization.Create(Path.Combine(directory, VocabFile), config.LowerCase);
        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        var session = new InferenceSession(Path.Combine(directory, ModelFile), options);
        return new StudentClassifier(session, new StudentFeaturizer(tokenizer, config), config, labels);
    }

    /// <summary>Class probabilities for each text (or text pair when the model is a pair model).</summary>
    public float[][] Predict(IReadOnlyList<string> texts, IReadOnlyList<string>? textsB = null)
    {
        if (Config.Pair != (textsB is not null))
            throw new GtsException(ErrorKind.InvalidInput, Config.Pair ? "this model classifies sentence pairs; give the second texts too" : "this model classifies single texts; give no second texts",
                Config.Pair ? "pass text and text_b (e.g. a JSONL file with both fields)" : "pass one text per line");
        var a = texts.Select(_featurizer.Ids).ToArray();
        var b = textsB?.Select(_featurizer.Ids).ToArray();
        var order = Enumerable.Range(0, a.Length).OrderBy(i => a[i].Length + (b?[i].Length ?? 0)).ToArray();
        var result = new float[a.Length][];
        for (int start = 0; start < order.Length; start += BatchSize)
        {
            var idx = order.AsSpan(start, Math.Min(BatchSize, order.Length - start)).ToArray();
            var probs = RunBatch(idx.Select(i => a[i]).ToArray(), b is null ? null : idx.Select(i => b[i]).ToArray());
            for (int k = 0; k < idx.Length; k++) result[idx[k]] = probs[k];
        }
        return result;
    }

    private float[][] RunBatch(int[][] a, int[][]? b)
    {
        var inputs = new List<OrtValue>();
        var names = new List<string>();
        try
        {
            AddSide(a, "input_ids", "attention_mask", inputs, names);
            if (b is not null) AddSide(b, "input_ids_b", "attention_mask_b", inputs, names);
            using var outputs = _session.Run(_run, names, inputs, ["probs"]);
            var flat = outputs[0].GetTensorDataAsSpan<float>();
            int c = Config.Classes;
            var rows = new float[a.Length][];
            for (int i = 0; i < a.Length; i++) rows[i] = flat.Slice(i * c, c).ToArray();
            return rows;
        }
        finally
        {
            foreach (var v in inputs) v.Dispose();
        }
    }

    private static void AddSide(int[][] rows, string idsName, string maskName, List<OrtValue> inputs, List<string> names)
    {
        var (ids, mask, width) = StudentFeaturizer.Pad(rows);
        inputs.Add(OrtValue.CreateTensorValueFromMemory(ids, [rows.Length, width]));
        inputs.Add(OrtValue.CreateTensorValueFromMemory(mask, [rows.Length, width]));
        names.Add(idsName);
        names.Add(maskName);
    }

    public void Dispose()
    {
        _session.Dispose();
        _run.Dispose();
    }
}
