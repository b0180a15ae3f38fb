using System.Globalization;
using Gts.Core.Errors;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Gts.Factory.Recipes;

/// <summary>Reads a recipe YAML file into a validated <see cref="Recipe"/>; paths resolve against the recipe's folder.</summary>
public static class RecipeReader
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static Recipe Read(string path)
    {
        if (!File.Exists(path))
            throw new GtsException(ErrorKind.NotFound, $"recipe file '{path}' does not exist", "check the path, or write one: only data.train is required");
        return Parse(File.ReadAllText(path), Path.GetFullPath(path));
    }

    /// <summary>Parses recipe text; <paramref name="path"/> names it in errors and anchors relative data paths.</summary>
    public static Recipe Parse(string yaml, string path)
    {
        RecipeDocument? doc;
        try
        {
            doc = Yaml.Deserialize<RecipeDocument>(yaml);
        }
        catch (YamlException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            throw new GtsException(ErrorKind.InvalidInput, $"not a valid recipe: {FirstLine(reason)}",
                "see samples/reviews/recipe.yaml for the accepted fields", new SourceLocation(path, checked((int)e.Start.Line)));
        }

        var baseDir = Path.GetDirectoryName(path) ?? ".";
        if (doc?.Data?.Train is not { Length: > 0 } train)
            throw Invalid(path, "data.train", "the recipe names no training data", "add `data:` with `train: <file with a few labelled examples per class>`");

        return new Recipe
        {
            Name = doc.Name ?? Path.GetFileNameWithoutExtension(path),
            Task = ParseEnum(doc.Task, TaskKind.SingleText, path, "task", ("single", TaskKind.SingleText), ("pair", TaskKind.SentencePair)),
            Language = ParseEnum(doc.Language, Language.Auto, path, "language", ("auto", Language.Auto), ("en", Language.English), ("zh", Language.Chinese)),
            Data = new RecipeData
            {
                Train = Resolve(baseDir, train)!,
                Dev = Resolve(baseDir, doc.Data.Dev),
                Test = Resolve(baseDir, doc.Data.Test),
                Unlabeled = Resolve(baseDir, doc.Data.Unlabeled),
                Labels = Resolve(baseDir, doc.Data.Labels),
                TextColumn = doc.Data.TextColumn,
                TextBColumn = doc.Data.TextBColumn,
                LabelColumn = doc.Data.LabelColumn,
            },
            Budget = doc.Budget is null ? TimeSpan.FromMinutes(10) : ParseDuration(doc.Budget, path),
            Seed = doc.Seed ?? 0,
            Output = Resolve(baseDir, doc.Output) ?? Path.Combine(baseDir, "model"),
            Steps = ReadSteps(doc.Steps, path, baseDir),
        };
    }

    private static StepSettings ReadSteps(RecipeDocument.StepsDocument? s, string path, string baseDir)
    {
        var defaults = new StepSettings();
        if (s is null) return defaults;
        var threshold = s.Label?.Threshold ?? defaults.Label.Threshold;
        if (threshold is <= 0 or > 1)
            throw Invalid(path, "steps.label.threshold", $"threshold {threshold.ToString(CultureInfo.InvariantCulture)} is outside (0, 1]", "use a confidence between 0.5 and 1, e.g. 0.9");
        var corpus = s.Pretrain?.Corpus?.Select((file, i) =>
        {
            var full = Resolve(baseDir, file) ?? throw Invalid(path, $"steps.pretrain.corpus[{i}]", "the corpus entry is empty", "name a text file, e.g. corpus.txt.gz");
            return File.Exists(full) ? full : throw Invalid(path, $"steps.pretrain.corpus[{i}]", $"corpus file '{full}' does not exist",
                "give the path of a text file (.txt one text per line, .jsonl or .csv with a text column; optionally .gz), relative to the recipe");
        }).ToList();
        return new StepSettings
        {
            Pretrain = new PretrainSettings(s.Pretrain?.Enabled, corpus, Positive(s.Pretrain?.Steps, defaults.Pretrain.Steps, path, "steps.pretrain.steps")),
            Tapt = new TaptSettings(s.Tapt?.Enabled ?? defaults.Tapt.Enabled, Positive(s.Tapt?.Steps, defaults.Tapt.Steps, path, "steps.tapt.steps"),
                Positive(s.Tapt?.MaxPoolTexts, defaults.Tapt.MaxPoolTexts, path, "steps.tapt.max_pool_texts")),
            Teach = new TeachSettings(s.Teach?.Encoders,
                ParseEnum(s.Teach?.Objective, defaults.Teach.Objective, path, "steps.teach.objective", (TeachSettings.Contrastive, TeachSettings.Contrastive), (TeachSettings.Frozen, TeachSettings.Frozen)),
                Positive(s.Teach?.Epochs, defaults.Teach.Epochs, path, "steps.teach.epochs"), Positive(s.Teach?.MaxPairs, defaults.Teach.MaxPairs, path, "steps.teach.max_pairs"), s.Teach?.Tfidf),
            Generate = new GenerateSettings(s.Generate?.Enabled ?? defaults.Generate.Enabled, Positive(s.Generate?.PerExample, defaults.Generate.PerExample, path, "steps.generate.per_example"),
                Positive(s.Generate?.MaxPool, defaults.Generate.MaxPool, path, "steps.generate.max_pool")),
            Label = new LabelSettings(NonNegative(s.Label?.Rounds, defaults.Label.Rounds, path, "steps.label.rounds"), threshold),
            Distill = new DistillSettings(s.Distill?.Enabled ?? defaults.Distill.Enabled, Positive(s.Distill?.Epochs, defaults.Distill.Epochs, path, "steps.distill.epochs"),
                s.Distill?.Init is null ? null : ParseEnum(s.Distill.Init, DistillSettings.PcaInit, path, "steps.distill.init", (DistillSettings.PcaInit, DistillSettings.PcaInit), (DistillSettings.StaticInit, DistillSettings.StaticInit))),
        };
    }

    /// <summary>Parses "90s", "10m", "1.5h" or a plain number of minutes.</summary>
    public static TimeSpan ParseDuration(string text, string path)
    {
        var t = text.Trim();
        double factor = 60;
        if (t.Length > 0 && char.IsLetter(t[^1]))
        {
            factor = char.ToLowerInvariant(t[^1]) switch { 's' => 1, 'm' => 60, 'h' => 3600, _ => double.NaN };
            t = t[..^1];
        }
        if (double.IsNaN(factor) || !double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0)
            throw Invalid(path, "budget", $"'{text}' is not a duration", "write the budget as e.g. 90s, 10m or 1.5h");
        return TimeSpan.FromSeconds(value * factor);
    }

    private static T ParseEnum<T>(string? text, T fallback, string path, string field, params (string Name, T Value)[] options)
    {
        if (text is null) return fallback;
        foreach (var (name, value) in options)
            if (string.Equals(name, text.Trim(), StringComparison.OrdinalIgnoreCase)) return value;
        throw Invalid(path, field, $"'{text}' is not one of the accepted values", $"use one of: {string.Join(", ", options.Select(o => o.Name))}");
    }

    private static int Positive(int? value, int fallback, string path, string field) =>
        value is null ? fallback : value > 0 ? value.Value : throw Invalid(path, field, $"{value} must be positive", "use a whole number of at least 1");

    private static int NonNegative(int? value, int fallback, string path, string field) =>
        value is null ? fallback : value >= 0 ? value.Value : throw Invalid(path, field, $"{value} must not be negative", "use 0 to turn the step off");

    private static string? Resolve(string baseDir, string? p) =>
        string.IsNullOrWhiteSpace(p) ? null : Path.GetFullPath(Path.IsPathRooted(p) ? p : Path.Combine(baseDir, p));

    private static GtsException Invalid(string path, string field, string message, string fix) =>
        new(ErrorKind.InvalidInput, message, fix, new SourceLocation(path, 0, field));

    private static string FirstLine(string s) => s.Split('\n')[0].Trim();
}
