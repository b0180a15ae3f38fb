namespace Gts.Planner.Validation;

/// <summary>How a source counted the FLOPs behind its TFLOP/s (runs.csv README, "FLOP conventions").</summary>
public enum FlopConvention
{
    /// <summary>Narayanan et al. 2021 Eq. 3, 96·B·s·l·h²·(1 + s/6h + V/16lh): counts full recomputation.</summary>
    MegatronEq3,

    /// <summary>Megatron model FLOPs, 72·B·s·l·h²·(1 + s/6h + V/12lh): forward + backward, no recomputation.</summary>
    MegatronModel,

    /// <summary>PaLM / llm-foundry: (6N + 12·L·h·s) per token.</summary>
    SixN,

    /// <summary>BLOOM's logged TFLOPs: 8·N·s per sequence (4×2 coefficient, counts recomputation).</summary>
    Bloom8N,
}
