namespace Gts.Neural.Training.Modules;

/// <summary>Shape and regularisation of a BERT-family encoder.</summary>
public sealed record EncoderConfig(
    int VocabSize,
    int Hidden,
    int Layers,
    int Heads,
    int Intermediate,
    int MaxPositions = 512,
    int TypeVocabSize = 2,
    double LayerNormEps = 1e-12,
    double Dropout = 0.1,
    NormPlacement Norm = NormPlacement.PostLN)
{
    /// <summary>Width of one attention head.</summary>
    public int HeadDim => Hidden / Heads;

    /// <summary>The all-MiniLM-L6-v2 / snowflake-arctic-embed-xs shape (6 x 384, 12 heads, FFN 1536, uncased BERT vocabulary).</summary>
    public static EncoderConfig MiniLmShape { get; } = new(30522, 384, 6, 12, 1536);

    /// <summary>Throws when the shape cannot build an encoder.</summary>
    public EncoderConfig Validated()
    {
        if (VocabSize < 1 || Hidden < 1 || Layers < 1 || Heads < 1 || Intermediate < 1 || MaxPositions < 1 || TypeVocabSize < 1)
            throw new ArgumentException($"Every size of an encoder must be positive: {this}.");
        if (Hidden % Heads != 0)
            throw new ArgumentException($"Hidden size {Hidden} is not divisible by {Heads} heads.");
        if (Dropout is < 0 or >= 1)
            throw new ArgumentException($"Dropout {Dropout} must be in [0, 1).");
        return this;
    }
}
