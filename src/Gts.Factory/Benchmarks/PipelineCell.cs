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
    private static string Fingerprint(string dataset, string variant)
    {
        var s = PipelineVariant.Settings(variant, 0);
        byte[] settings;
        if (PipelineProfile.IsFewClue(dataset))
            settings = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { s.Pretrain.Steps, s.Tapt, s.Teach, s.Generate, s.Label, s.Distill });
        else
        {
            // Teach.Tfidf unset means what it meant before the setting existed, so the English keys stay as they were.
            var node = System.Text.Json.JsonSerializer.SerializeToNode(new { s.Tapt, s.Teach, s.Generate, s.Label, s.Distill })!;
            if (s.Teach.Tfidf is null) node["Teach"]!.AsObject().Remove("Tfidf");
            settings = System.Text.Encoding.UTF8.GetBytes(node.ToJsonString());
        }
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(settings))[..8];
    }
}
