namespace Gts.Factory.Recipes;

// The YAML shape as YamlDotNet binds it (mutable, nullable); RecipeReader validates it into a Recipe.
internal sealed class RecipeDocument
{
    public string? Name { get; set; }
    public string? Task { get; set; }
    public string? Language { get; set; }
    public DataDocument? Data { get; set; }
    public string? Budget { get; set; }
    public int? Seed { get; set; }
    public string? Output { get; set; }
    public StepsDocument? Steps { get; set; }

    internal sealed class DataDocument
    {
        public string? Train { get; set; }
        public string? Dev { get; set; }
        public string? Test { get; set; }
        public string? Unlabeled { get; set; }
        public string? Labels { get; set; }
        public string? TextColumn { get; set; }
        public string? TextBColumn { get; set; }
        public string? LabelColumn { get; set; }
    }

    internal sealed class StepsDocument
    {
        public PretrainDocument? Pretrain { get; set; }
        public TaptDocument? Tapt { get; set; }
        public TeachDocument? Teach { get; set; }
        public GenerateDocument? Generate { get; set; }
        public LabelDocument? Label { get; set; }
        public DistillDocument? Distill { get; set; }
    }

    internal sealed class PretrainDocument
    {
        public bool? Enabled { get; set; }
        public List<string>? Corpus { get; set; }
        public int? Steps { get; set; }
    }

    internal sealed class TaptDocument
    {
        public bool? Enabled { get; set; }
        public int? Steps { get; set; }
        public int? MaxPoolTexts { get; set; }
    }

    internal sealed class TeachDocument
    {
        public List<string>? Encoders { get; set; }
        public string? Objective { get; set; }
        public int? Epochs { get; set; }
        public int? MaxPairs { get; set; }
        public bool? Tfidf { get; set; }
    }

    internal sealed class GenerateDocument
    {
        public bool? Enabled { get; set; }
        public int? PerExample { get; set; }
        public int? MaxPool { get; set; }
    }

    internal sealed class LabelDocument
    {
        public int? Rounds { get; set; }
        public double? Threshold { get; set; }
    }

    internal sealed class DistillDocument
    {
        public bool? Enabled { get; set; }
        public int? Epochs { get; set; }
        public string? Init { get; set; }
    }
}
