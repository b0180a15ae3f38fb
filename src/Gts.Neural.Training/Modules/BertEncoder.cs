using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gts.Neural.Training.Modules;

/// <summary>A BERT-family encoder: embeddings and a stack of layers; forward returns last_hidden_state [batch, seq, hidden].</summary>
public sealed class BertEncoder : nn.Module<Tensor, Tensor, Tensor, Tensor>
{
    /// <summary>Additive attention bias for padding keys; the value of the HF BERT graphs, so exported files agree.</summary>
    public const float MaskBias = -10000f;

    private readonly BertEmbeddings _embeddings;
    private readonly ModuleList<EncoderLayer> _layers;
    private readonly LayerNorm? _finalNorm;

    public BertEncoder(EncoderConfig config) : base(nameof(BertEncoder))
    {
        Config = config.Validated();
        var scaling = config.Norm == NormPlacement.DeepNorm ? DeepNormScaling.ForEncoder(config.Layers) : DeepNormScaling.None;
        _embeddings = new BertEmbeddings(config);
        _layers = nn.ModuleList(Enumerable.Range(0, config.Layers).Select(_ => new EncoderLayer(config, scaling)).ToArray());
        register_module("embeddings", _embeddings);
        register_module("layer", _layers);
        if (config.Norm == NormPlacement.PreLN)
        {
            _finalNorm = nn.LayerNorm(config.Hidden, config.LayerNormEps);
            register_module("final_norm", _finalNorm);
        }
    }

    /// <summary>The shape this encoder was built with.</summary>
    public EncoderConfig Config { get; }

    /// <summary>The word embedding matrix [vocab, hidden].</summary>
    public Tensor WordWeight => _embeddings.WordWeight;

    /// <summary>inputIds, attentionMask (1 real, 0 padding) and tokenTypeIds, all int64 [batch, seq].</summary>
    public override Tensor forward(Tensor inputIds, Tensor attentionMask, Tensor tokenTypeIds)
    {
        var bias = (1 - attentionMask.to_type(ScalarType.Float32)).mul(MaskBias).unsqueeze(1).unsqueeze(2);
        var hidden = _embeddings.forward(inputIds, tokenTypeIds);
        foreach (var layer in _layers) hidden = layer.forward(hidden, bias);
        return _finalNorm is null ? hidden : _finalNorm.forward(hidden);
    }

    /// <summary>Encodes single texts (token types all zero).</summary>
    public Tensor Encode(Tensor inputIds, Tensor attentionMask) => forward(inputIds, attentionMask, zeros_like(inputIds));
}
