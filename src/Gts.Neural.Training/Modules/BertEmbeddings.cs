using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gts.Neural.Training.Modules;

/// <summary>Word + position + token-type embeddings, then LayerNorm and dropout (BERT's embedding block).</summary>
public sealed class BertEmbeddings : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Embedding _word;
    private readonly Embedding _position;
    private readonly Embedding _tokenType;
    private readonly LayerNorm _norm;
    private readonly Dropout _dropout;

    public BertEmbeddings(EncoderConfig config) : base(nameof(BertEmbeddings))
    {
        _word = nn.Embedding(config.VocabSize, config.Hidden);
        _position = nn.Embedding(config.MaxPositions, config.Hidden);
        _tokenType = nn.Embedding(config.TypeVocabSize, config.Hidden);
        _norm = nn.LayerNorm(config.Hidden, config.LayerNormEps);
        _dropout = nn.Dropout(config.Dropout);
        register_module("word_embeddings", _word);
        register_module("position_embeddings", _position);
        register_module("token_type_embeddings", _tokenType);
        register_module("LayerNorm", _norm);
        register_module("dropout", _dropout);
    }

    /// <summary>The word embedding matrix [vocab, hidden], shared with a tied masked-LM decoder.</summary>
    public Tensor WordWeight => _word.weight!;

    /// <summary>Maps ids [batch, seq] and token types [batch, seq] to [batch, seq, hidden].</summary>
    public override Tensor forward(Tensor inputIds, Tensor tokenTypeIds)
    {
        var positions = arange(inputIds.shape[1], dtype: ScalarType.Int64, device: inputIds.device).unsqueeze(0);
        var sum = _word.forward(inputIds) + _position.forward(positions) + _tokenType.forward(tokenTypeIds);
        return _dropout.forward(_norm.forward(sum));
    }
}
