using static TorchSharp.torch;

namespace Gts.Neural.Training.Modules;

/// <summary>Encoder + tied MLM head; forward returns vocabulary logits for the selected (masked) positions.</summary>
public sealed class MaskedLanguageModel : nn.Module<Tensor, Tensor, Tensor, Tensor>
{
    public MaskedLanguageModel(BertEncoder encoder) : base(nameof(MaskedLanguageModel))
    {
        Encoder = encoder;
        Head = new MaskedLmHead(encoder);
        register_module("encoder", Encoder);
        register_module("mlm", Head);
    }

    public BertEncoder Encoder { get; }
    public MaskedLmHead Head { get; }

    /// <summary>Logits [positions, vocab] at the flat positions where <paramref name="selected"/> (bool [batch, seq]) is true.</summary>
    public override Tensor forward(Tensor ids, Tensor mask, Tensor selected)
    {
        var hidden = Encoder.forward(ids, mask, zeros_like(ids));
        return Head.forward(hidden[selected]);
    }
}
