using System.Text.RegularExpressions;
using Gts.Core.Errors;
using Gts.Neural.Training.Modules;
using Onnx;
using static TorchSharp.torch;

namespace Gts.Neural.Training.Onnx;

/// <summary>A BERT-family ONNX encoder file: its graph, the encoder shape read from it, and its weights by HF name.</summary>
public sealed partial class OnnxEncoderFile
{
    private OnnxEncoderFile(string path, ModelProto model, EncoderConfig config, Dictionary<string, InitializerRef> parameters)
    {
        Path = path;
        Model = model;
        Config = config;
        Parameters = parameters;
    }

    public string Path { get; }

    /// <summary>The parsed model; export route (a) writes trained weights back into it.</summary>
    public ModelProto Model { get; }

    /// <summary>The encoder shape (Post-LN, as every BERT-family export).</summary>
    public EncoderConfig Config { get; }

    /// <summary>HF parameter name -> initializer.</summary>
    public IReadOnlyDictionary<string, InitializerRef> Parameters { get; }

    /// <summary>Reads and inspects a file. heads overrides the head count when the graph does not reveal it.</summary>
    public static OnnxEncoderFile Open(string path, int? heads = null)
    {
        if (!File.Exists(path))
            throw new GtsException(ErrorKind.NotFound, $"ONNX encoder file not found: {path}.", "Pass the path of a BERT-family .onnx file.", new SourceLocation(path));
        ModelProto model;
        try
        {
            using var stream = File.OpenRead(path);
            model = ModelProto.Parser.ParseFrom(stream);
        }
        catch (Exception e) when (e is Google.Protobuf.InvalidProtocolBufferException or IOException)
        {
            throw new GtsException(ErrorKind.InvalidInput, $"Not a readable ONNX model: {e.Message}", "Pass an .onnx file exported from a BERT-family model.", new SourceLocation(path), e);
        }
        var parameters = EncoderGraphWalk.NameInitializers(model.Graph);
        return new OnnxEncoderFile(path, model, InferConfig(path, model.Graph, parameters, heads), parameters);
    }

    /// <summary>Builds a Post-LN encoder of this file's shape and loads all its weights.</summary>
    public BertEncoder CreateEncoder(double dropout = 0.1)
    {
        var encoder = new BertEncoder(Config with { Dropout = dropout });
        LoadInto(encoder);
        return encoder;
    }

    /// <summary>Copies every encoder weight from the file; throws naming the parameters the file lacks.</summary>
    public void LoadInto(BertEncoder encoder)
    {
        var missing = new List<string>();
        using var _ = no_grad();
        foreach (var (name, parameter) in encoder.named_parameters())
        {
            var hf = HfParameterNames.FromEngine(name);
            if (hf is null) continue;
            if (!Parameters.TryGetValue(hf, out var init)) { missing.Add(hf); continue; }
            using var source = OnnxTensor.ToTorch(init.Tensor, init.Transposed);
            if (!source.shape.SequenceEqual(parameter.shape))
                throw new GtsException(ErrorKind.InvalidInput, $"Weight '{hf}' has shape [{string.Join(",", source.shape)}], the encoder expects [{string.Join(",", parameter.shape)}].",
                    "Pass the head count that matches the file (--heads) or a standard BERT-family export.", new SourceLocation(Path, Field: hf));
            parameter.copy_(source);
        }
        if (missing.Count > 0)
            throw new GtsException(ErrorKind.InvalidInput, $"The ONNX file lacks {missing.Count} BERT encoder weights, e.g. {string.Join(", ", missing.Take(3))}.",
                "Export the model as a Hugging Face BertModel (weights as initializers, opset 11 or later).", new SourceLocation(Path, Field: missing[0]));
    }

    private static EncoderConfig InferConfig(string path, GraphProto graph, Dictionary<string, InitializerRef> p, int? heads)
    {
        long[] Dims(string name) => p.TryGetValue(name, out var r) ? [.. r.Tensor.Dims]
            : throw new GtsException(ErrorKind.InvalidInput, $"The ONNX file has no initializer '{name}': not a BERT-family encoder export.",
                "Export the model as a Hugging Face BertModel (weights as initializers).", new SourceLocation(path, Field: name));
        var word = Dims("embeddings.word_embeddings.weight");
        var positions = Dims("embeddings.position_embeddings.weight");
        var types = Dims("embeddings.token_type_embeddings.weight");
        var intermediate = Dims("encoder.layer.0.intermediate.dense.bias");
        int hidden = (int)word[1];
        int layers = p.Keys.Select(k => LayerIndex().Match(k)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Max() + 1;
        int headCount = heads ?? (EncoderGraphWalk.InferHeadDim(graph, hidden) is { } d ? hidden / d
            : throw new GtsException(ErrorKind.InvalidInput, "Cannot tell the number of attention heads from the graph (no attention scale constant found).",
                "Pass the head count of the model explicitly (--heads).", new SourceLocation(path)));
        return new EncoderConfig((int)word[0], hidden, layers, headCount, (int)intermediate[0], (int)positions[0], (int)types[0]);
    }

    [GeneratedRegex(@"^encoder\.layer\.(\d+)\.")]
    private static partial Regex LayerIndex();
}
