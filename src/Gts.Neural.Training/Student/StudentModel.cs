using Gts.Neural.Student;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gts.Neural.Training.Student;

/// <summary>The student network in TorchSharp: masked mean of embedding rows (word pieces and bigram buckets),
/// then Linear → ReLU → Linear. <see cref="StudentOnnxWriter"/> writes the same computation as ONNX.</summary>
public sealed class StudentModel : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Embedding _table;
    private readonly Linear _hidden;
    private readonly Linear _output;

    public StudentModel(StudentConfig config) : base(nameof(StudentModel))
    {
        Config = config;
        _table = nn.Embedding(config.Rows, config.Dim);
        _hidden = nn.Linear(config.FeatureDim, config.Hidden);
        _output = nn.Linear(config.Hidden, config.Classes);
        register_module("table", _table);
        register_module("hidden", _hidden);
        register_module("output", _output);
        using (no_grad()) _table.weight!.normal_(0, 0.1);
    }

    public StudentConfig Config { get; }

    /// <summary>The embedding table [rows, dim]; rows for word pieces may be initialised from a teacher.</summary>
    public Parameter Table => _table.weight!;

    public Linear Hidden => _hidden;

    public Linear Output => _output;

    /// <summary>Mean of the embedding rows of the real (mask = 1) positions: ids [b, s] int64, mask [b, s] float → [b, dim].</summary>
    public Tensor Pool(Tensor ids, Tensor mask)
    {
        using var emb = _table.forward(ids);
        using var m = mask.unsqueeze(-1);
        using var summed = (emb * m).sum(1);
        using var count = mask.sum(1, keepdim: true).clamp_min(1e-6);
        return summed / count;
    }

    /// <summary>Logits of single texts.</summary>
    public override Tensor forward(Tensor ids, Tensor mask)
    {
        using var pooled = Pool(ids, mask);
        return Classify(pooled);
    }

    /// <summary>Logits of text pairs from [u, v, |u−v|, u·v].</summary>
    public Tensor ForwardPair(Tensor idsA, Tensor maskA, Tensor idsB, Tensor maskB)
    {
        using var u = Pool(idsA, maskA);
        using var v = Pool(idsB, maskB);
        using var diff = (u - v).abs();
        using var prod = u * v;
        using var features = cat([u, v, diff, prod], 1);
        return Classify(features);
    }

    private Tensor Classify(Tensor features)
    {
        using var h = nn.functional.relu(_hidden.forward(features));
        return _output.forward(h);
    }
}
