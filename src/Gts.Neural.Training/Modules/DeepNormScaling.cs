namespace Gts.Neural.Training.Modules;

/// <summary>The residual multiplier α and the initialisation gain β of DeepNorm for an encoder-only stack.</summary>
public readonly record struct DeepNormScaling(double Alpha, double Beta)
{
    /// <summary>DeepNorm for an N-layer encoder: α = (2N)^(1/4), β = (8N)^(-1/4)
    /// (Wang et al. 2022, "DeepNet: Scaling Transformers to 1,000 Layers", Table 1, encoder-only row).</summary>
    public static DeepNormScaling ForEncoder(int layers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(layers, 1);
        return new DeepNormScaling(Math.Pow(2.0 * layers, 0.25), Math.Pow(8.0 * layers, -0.25));
    }

    /// <summary>No scaling: Post-LN and Pre-LN.</summary>
    public static DeepNormScaling None { get; } = new(1.0, 1.0);
}
