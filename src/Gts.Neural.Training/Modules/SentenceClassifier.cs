using Gts.Neural.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gts.Neural.Training.Modules;

/// <summary>Encoder + pooling + linear head: the teacher and student classifier; forward returns logits [batch, classes].</summary>
public sealed class SentenceClassifier : nn.Module<Tensor, Tensor, Tensor, Tensor>
{
    private readonly Dropout _dropout;
    private readonly Linear _head;

    public SentenceClassifier(BertEncoder encoder, PoolingMode pooling, int classes, bool normalize = false, double dropout = 0.1)
        : base(nameof(SentenceClassifier))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        Encoder = encoder;
        Pooling = pooling;
        Normalize = normalize;
        Classes = classes;
        _dropout = nn.Dropout(dropout);
        _head = nn.Linear(encoder.Config.Hidden, classes);
        register_module("encoder", Encoder);
        register_module("dropout", _dropout);
        register_module("classifier", _head);
    }

    public BertEncoder Encoder { get; }
    public PoolingMode Pooling { get; }

    /// <summary>True when the pooled vector is L2-normalised before the head (SetFit heads on sentence-transformers embeddings).</summary>
    public bool Normalize { get; }

    public int Classes { get; }

    /// <summary>The head (weight [classes, hidden], bias [classes]).</summary>
    public Linear Head => _head;

    /// <summary>The sentence vector fed to the head.</summary>
    public Tensor Embed(Tensor ids, Tensor mask, Tensor typeIds)
    {
        var pooled = Modules.Pooling.Pool(Encoder.forward(ids, mask, typeIds), mask, Pooling);
        return Normalize ? nn.functional.normalize(pooled, p: 2, dim: 1) : pooled;
    }

    public override Tensor forward(Tensor ids, Tensor mask, Tensor typeIds) => _head.forward(_dropout.forward(Embed(ids, mask, typeIds)));
}
