namespace Gts.Neural.Training.Modules;

/// <summary>Where layer normalization sits around each residual sublayer of the encoder.</summary>
public enum NormPlacement
{
    /// <summary>x = LN(x + F(x)), as in BERT; what every packaged pretrained encoder uses.</summary>
    PostLN,

    /// <summary>x = x + F(LN(x)) with one final LN after the last layer (Xiong et al. 2020).</summary>
    PreLN,

    /// <summary>x = LN(α·x + F(x)) with β-scaled initialisation (Wang et al. 2022, "DeepNet").</summary>
    DeepNorm,
}
