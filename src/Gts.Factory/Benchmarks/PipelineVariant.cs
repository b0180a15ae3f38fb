using Gts.Factory.Recipes;

namespace Gts.Factory.Benchmarks;

/// <summary>The pipeline variants that are run as cells: the full pipeline and one ablation per step that the recipe can
/// turn off. TAPT is not built yet and Distill off is the teacher itself, so neither needs a run of its own.</summary>
public static class PipelineVariant
{
    public const string Full = "full";

    /// <summary>Generate off: no EDA variants; the pool goes to the teacher as it is (nearest-neighbour mining only ever
    /// cuts a pool larger than max_pool, so it is off whenever the pool fits).</summary>
    public const string NoGenerate = "no-generate";

    /// <summary>Self-training off: 0 rounds, the teacher of the gold labels alone labels the candidates.</summary>
    public const string NoSelfTraining = "no-selftrain";

    /// <summary>Fine-tuning off: the teacher's encoders stay frozen (objective "frozen").</summary>
    public const string FrozenTeacher = "frozen-teacher";

    /// <summary>A TF-IDF member joins the teacher (teach.tfidf: true), dev choosing between the ensemble and each member
    /// alone: what the Chinese default does, tried on English. Not an ablation, so only run when named.</summary>
    public const string TfidfMember = "tfidf-member";

    /// <summary>The student starts from the tuned teacher's static token embeddings (distill.init: static) instead of MiniLM's
    /// input embeddings. Not an ablation, so only run when named.</summary>
    public const string StudentStatic = "student-static";

    public static IReadOnlyList<string> Ablations { get; } = [FrozenTeacher, NoGenerate, NoSelfTraining];

    /// <summary>The step settings of a variant, starting from the factory's defaults.</summary>
    public static StepSettings Settings(string variant, int maxPool)
    {
        var defaults = new StepSettings();
        var generate = defaults.Generate with { MaxPool = maxPool };
        return variant switch
        {
            Full => defaults with { Generate = generate },
            NoGenerate => defaults with { Generate = generate with { Enabled = false } },
            NoSelfTraining => defaults with { Generate = generate, Label = defaults.Label with { Rounds = 0 } },
            FrozenTeacher => defaults with { Generate = generate, Teach = defaults.Teach with { Objective = TeachSettings.Frozen } },
            TfidfMember => defaults with { Generate = generate, Teach = defaults.Teach with { Tfidf = true } },
            StudentStatic => defaults with { Generate = generate, Distill = defaults.Distill with { Init = DistillSettings.StaticInit } },
            _ => throw new ArgumentException($"unknown pipeline variant '{variant}'; known: {Full}, {string.Join(", ", Ablations)}, {TfidfMember}, {StudentStatic}", nameof(variant)),
        };
    }
}
