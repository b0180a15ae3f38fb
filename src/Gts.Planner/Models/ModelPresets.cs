namespace Gts.Planner.Models;

/// <summary>Named model shapes: Megatron's Table 1 GPT sizes, GPT-3 175B, the seed's 3.9B BERT and the LLaMA sizes.</summary>
public static class ModelPresets
{
    // Megatron GPT: Narayanan et al. 2021, Table 1 (seq 2048, vocabulary padded to 51,200).
    private static TransformerModel Gpt(string name, int layers, int hidden, int heads) =>
        new(name, layers, hidden, heads, 4 * hidden, 51200, 2048);

    // LLaMA: Touvron et al. 2023, Table 2 (SwiGLU MLP width 2/3·4h rounded to 256, vocabulary 32,000).
    private static TransformerModel Llama(string name, int layers, int hidden, int heads, int ffn) =>
        new(name, layers, hidden, heads, ffn, 32000, 2048, GatedMlp: true);

    /// <summary>Every preset, in the order `gts plan --help` lists them.</summary>
    public static IReadOnlyList<TransformerModel> All { get; } =
    [
        Gpt("gpt-1.7b", 24, 2304, 24),
        Gpt("gpt-3.6b", 30, 3072, 32),
        Gpt("gpt-7.5b", 36, 4096, 32),
        Gpt("gpt-18b", 40, 6144, 48),
        Gpt("gpt-39b", 48, 8192, 64),
        Gpt("gpt-76b", 60, 10240, 80),
        Gpt("gpt-145b", 80, 12288, 96),
        Gpt("gpt-310b", 96, 16384, 128),
        Gpt("gpt-530b", 105, 20480, 128),
        Gpt("gpt-1t", 128, 25600, 160),
        Gpt("gpt3-175b", 96, 12288, 96),
        // Megatron-LM BERT 3.9B (Shoeybi et al. 2019, Table 4): 48 layers, hidden 2560, 40 heads, seq 512;
        // BERT's 30,522-token vocabulary padded to a multiple of 128.
        new("bert-3.9b", 48, 2560, 40, 4 * 2560, 30592, 512),
        Llama("llama-7b", 32, 4096, 32, 11008),
        Llama("llama-13b", 40, 5120, 40, 13824),
        Llama("llama-33b", 60, 6656, 52, 17920),
        Llama("llama-65b", 80, 8192, 64, 22016),
    ];

    /// <summary>The preset of that name (case-insensitive), or null.</summary>
    public static TransformerModel? Find(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
}
