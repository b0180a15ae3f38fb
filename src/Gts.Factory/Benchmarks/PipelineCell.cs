namespace Gts.Factory.Benchmarks;

/// <summary>One cell of the pipeline benchmark: a pipeline variant (the full pipeline or an ablation) on a data set, either
/// K-shot sampled with a seed ("kshot") or trained on FewCLUE's official split train_{Seed} ("official", K = 0).</summary>
public sealed record PipelineCell(string Dataset, string Variant, string Setting, int K, int Seed) : IBenchmarkCell
{
    public const string KShot = "kshot";
    public const string Official = "official";

    /// <summary>File-name-safe identity, e.g. "sst2.full.kshot.k8.s0.1a2b3c4d": the last part fingerprints the variant's step
    /// settings, so a cell cached before the factory's defaults changed is run again rather than reported.</summary>
    public string Key => $"{Dataset}.{Variant}.{Setting}.k{K}.s{Seed}.{Fingerprint(Dataset, Variant)}";

    // The pretrain settings only shape the Chinese cells (English ones use the packaged encoders), so only those hash them.
    // Teach.Tfidf and Distill.Init unset mean what they meant before the settings existed, so the keys stay as they were.
    private static string Fingerprint(string dataset, string variant)
    {
        var s = PipelineVariant.Settings(variant, 0);
        var node = PipelineProfile.IsFewClue(dataset)
            ? System.Text.Json.JsonSerializer.SerializeToNode(new { s.Pretrain.Steps, s.Tapt, s.Teach, s.Generate, s.Label, s.Distill })!
            : System.Text.Json.JsonSerializer.SerializeToNode(new { s.Tapt, s.Teach, s.Generate, s.Label, s.Distill })!;
        if (s.Teach.Tfidf is null) node["Teach"]!.AsObject().Remove("Tfidf");
        if (s.Distill.Init is null) node["Distill"]!.AsObject().Remove("Init");
        var settings = System.Text.Encoding.UTF8.GetBytes(node.ToJsonString());
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(settings))[..8];
    }
}
