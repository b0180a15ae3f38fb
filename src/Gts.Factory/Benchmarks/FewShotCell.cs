namespace Gts.Factory.Benchmarks;

/// <summary>One cell of the few-shot grid: a method on a data set, either K-shot sampled with a seed ("kshot") or trained on
/// FewCLUE's official split train_{Seed} ("official", K = 0).</summary>
public sealed record FewShotCell(string Dataset, string Method, string Setting, int K, int Seed) : IBenchmarkCell
{
    public const string KShot = "kshot";
    public const string Official = "official";

    /// <summary>File-name-safe identity, e.g. "sst2.minilm.kshot.k8.s0".</summary>
    public string Key => $"{Dataset}.{Method}.{Setting}.k{K}.s{Seed}";
}
