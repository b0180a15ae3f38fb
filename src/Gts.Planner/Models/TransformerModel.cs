namespace Gts.Planner.Models;

/// <summary>A decoder- or encoder-only transformer as the planner sees it: its shape and sequence length.
/// <see cref="GatedMlp"/> is true for SwiGLU-style MLPs (three h×f matrices, LLaMA), false for GELU MLPs (two).</summary>
public sealed record TransformerModel(string Name, int Layers, int Hidden, int Heads, int FfnHidden, int Vocab, int SeqLength, bool GatedMlp = false)
{
    /// <summary>Width of one attention head.</summary>
    public int HeadDim => Hidden / Heads;

    /// <summary>Number of h×f weight matrices in one MLP block.</summary>
    public int MlpMatrices => GatedMlp ? 3 : 2;

    /// <summary>Parameters of one transformer layer: QKV and output projections with biases, the MLP, two layer norms.</summary>
    public double ParamsPerLayer
    {
        get
        {
            double h = Hidden, f = FfnHidden;
            return 4 * h * h + 4 * h + MlpMatrices * h * f + f + h + 4 * h;
        }
    }

    /// <summary>Word embeddings (tied with the output layer) plus learned positions for GELU (GPT/BERT) models.</summary>
    public double EmbeddingParams => (double)Vocab * Hidden + (GatedMlp ? 0 : (double)SeqLength * Hidden);

    /// <summary>All parameters.</summary>
    public double ParamCount => Layers * ParamsPerLayer + EmbeddingParams + 2.0 * Hidden;
}
