using Gts.Core.Errors;
using Gts.Neural.Models;
using Gts.Neural.Tokenization;
using Microsoft.ML.OnnxRuntime;

namespace Gts.Neural.Embeddings;

/// <summary>Embeds texts with a BERT-family ONNX encoder: reference tokenization, length-sorted batches padded with id 0,
/// attention mask, token_type_ids 0, only the [batch, seq, hidden] output fetched, pooled in double and L2-normalised.</summary>
public sealed class SentenceEncoder : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string _outputName;
    private readonly bool _hasTokenTypes;
    private readonly EncoderOptions _options;

    public SentenceEncoder(EncoderSpec spec, EncoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Spec = spec;
        _options = options ?? new EncoderOptions();
        if (!File.Exists(spec.OnnxPath))
            throw new GtsException(ErrorKind.NotFound, $"ONNX model not found: {spec.OnnxPath}", "give the path of an existing .onnx file",
                new SourceLocation(spec.OnnxPath));
        Tokenizer = BertTokenization.Create(spec.VocabPath, spec.LowerCase, _options.MaxLength);
        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = _options.IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = _options.GraphOptimization,
        };
        try
        {
            _session = new InferenceSession(spec.OnnxPath, sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            throw new GtsException(ErrorKind.InvalidInput, $"ONNX Runtime cannot load {spec.OnnxPath}: {e.Message}",
                "give a BERT-family ONNX export (inputs input_ids, attention_mask; output [batch, sequence, hidden])", new SourceLocation(spec.OnnxPath), e);
        }
        var inputs = _session.InputMetadata.Keys.ToHashSet(StringComparer.Ordinal);
        if (!inputs.Contains("input_ids") || !inputs.Contains("attention_mask"))
        {
            _session.Dispose();
            throw new GtsException(ErrorKind.InvalidInput, $"{spec.OnnxPath} has inputs [{string.Join(", ", inputs)}], not input_ids and attention_mask.",
                "export the model with the standard Hugging Face input names", new SourceLocation(spec.OnnxPath));
        }
        _hasTokenTypes = inputs.Contains("token_type_ids");
        _outputName = _session.OutputMetadata.ContainsKey("last_hidden_state")
            ? "last_hidden_state"
            : _session.OutputMetadata.First(o => o.Value.Dimensions.Length == 3).Key;
    }

    public EncoderSpec Spec { get; }

    public BertTokenization Tokenizer { get; }

    /// <summary>Embeds every text; result[i] belongs to texts[i]. Reports the number of texts done after each batch.</summary>
    public float[][] Encode(IReadOnlyList<string> texts, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var ids = new int[texts.Count][];
        for (int i = 0; i < ids.Length; i++) ids[i] = Tokenizer.Encode(texts[i]);
        return EncodeIds(ids, progress, cancellationToken);
    }

    /// <summary>Embeds already tokenized texts ([CLS] ... [SEP], at most the model's positions).</summary>
    public float[][] EncodeIds(IReadOnlyList<int[]> ids, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var result = new float[ids.Count][];
        var lengths = new int[ids.Count];
        for (int i = 0; i < lengths.Length; i++) lengths[i] = ids[i].Length;
        int done = 0;
        foreach (var batch in LengthBatches.Plan(lengths, _options.BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            RunBatch(ids, batch, result);
            done += batch.Length;
            progress?.Report(done);
        }
        return result;
    }

    private void RunBatch(IReadOnlyList<int[]> ids, int[] batch, float[][] result)
    {
        int rows = batch.Length, width = 0;
        foreach (var i in batch) width = Math.Max(width, ids[i].Length);
        var inputIds = new long[rows * width];       // padding id 0
        var mask = new long[rows * width];
        for (int r = 0; r < rows; r++)
        {
            var row = ids[batch[r]];
            for (int t = 0; t < row.Length; t++)
            {
                inputIds[r * width + t] = row[t];
                mask[r * width + t] = 1;
            }
        }
        long[] shape = [rows, width];
        var names = new List<string> { "input_ids", "attention_mask" };
        using var idsValue = OrtValue.CreateTensorValueFromMemory(inputIds, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = _hasTokenTypes ? OrtValue.CreateTensorValueFromMemory(new long[rows * width], shape) : null;
        var values = new List<OrtValue> { idsValue, maskValue };
        if (typesValue is not null)
        {
            names.Add("token_type_ids");
            values.Add(typesValue);
        }
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, names, values, [_outputName]);
        var states = outputs[0].GetTensorDataAsSpan<float>();
        int hidden = (int)outputs[0].GetTensorTypeAndShape().Shape[2];
        for (int r = 0; r < rows; r++)
        {
            var block = states.Slice(r * width * hidden, width * hidden);
            result[batch[r]] = SentencePooling.Pool(block, ids[batch[r]].Length, hidden, Spec.Pooling);
        }
    }

    public void Dispose() => _session.Dispose();
}
