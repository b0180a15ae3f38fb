namespace Gts.Factory.Recipes;

/// <summary>Per-step overrides; the defaults are the factory's tuned choices.</summary>
public sealed record StepSettings
{
    public PretrainSettings Pretrain { get; init; } = new();

    public TaptSettings Tapt { get; init; } = new();

    public TeachSettings Teach { get; init; } = new();

    public GenerateSettings Generate { get; init; } = new();

    public LabelSettings Label { get; init; } = new();

    public DistillSettings Distill { get; init; } = new();
}

/// <summary>The factory's own backbone, pretrained from scratch by masked LM on the task's text plus <see cref="Corpus"/> (text
/// files: .txt one text per line, .jsonl/.csv with a text column; optionally .gz). <see cref="Enabled"/> null = on when the
/// task's text is Chinese and the recipe names no teacher encoders (the packaged English vocabularies map most ideographs
/// to [UNK]); the backbone then replaces the packaged encoders in the teach and generate steps.</summary>
public sealed record PretrainSettings(bool? Enabled = null, IReadOnlyList<string>? Corpus = null, int Steps = 2000)
{
    /// <summary>The backbone's own seed, apart from the recipe's, so that runs of a task with other seeds (and other tasks on
    /// the same text) share one cached backbone.</summary>
    public int Seed { get; init; }

    public IReadOnlyList<string> CorpusFiles => Corpus ?? [];
}

/// <summary>Task-adaptive pretraining: masked-LM training of each teacher encoder continued on the unlabeled pool before
/// it is fine-tuned. Off by default: 100 steps cost about 1.5 minutes per encoder on 2 cores and did not change the sst2
/// teacher (−0.1 ± 1.4 points over 2 seeds, docs/BENCHMARKS.md, engine section).</summary>
public sealed record TaptSettings(bool Enabled = false, int Steps = 200, int MaxPoolTexts = 5000);

/// <summary>The teacher: encoders fine-tuned on the few labels (objective "contrastive": SetFit pairs, <see cref="MaxPairs"/> of
/// them over <see cref="Epochs"/> passes) or kept frozen (objective "frozen"), then ensembled; <see cref="Tfidf"/> adds a
/// TF-IDF + LR member (null = with the factory's own backbone, whose few minutes of pretraining leave it weaker than a
/// packaged encoder).</summary>
public sealed record TeachSettings(IReadOnlyList<string>? Encoders = null, string Objective = TeachSettings.Contrastive, int Epochs = 1, int MaxPairs = 320, bool? Tfidf = null)
{
    public const string Contrastive = "contrastive";
    public const string Frozen = "frozen";

    /// <summary>Encoder names or ONNX paths; by default both packaged encoders.</summary>
    public IReadOnlyList<string> EncoderNames => Encoders ?? ["minilm", "arcticxs"];
}

/// <summary>The generator: EDA edits of the labelled texts, and the pool cut to the MaxPool texts nearest the labelled ones.</summary>
public sealed record GenerateSettings(bool Enabled = true, int PerExample = 4, int MaxPool = 5000);

/// <summary>Self-training: the teacher labels pool and generated text; keep what passes the threshold.</summary>
public sealed record LabelSettings(int Rounds = 2, double Threshold = 0.9);

/// <summary>The student distilled from the teacher's soft labels. <see cref="Init"/>: where its word-piece rows start; null or
/// "pca" = MiniLM's input embeddings by PCA (English), "static" = the teacher's first (tuned) encoder run on each token alone,
/// by PCA (any language whose tokens the encoder shares; 13–18 s more on 2 cores for a 30k vocabulary).</summary>
public sealed record DistillSettings(bool Enabled = true, int Epochs = 10, string? Init = null)
{
    public const string PcaInit = "pca";
    public const string StaticInit = "static";
}
