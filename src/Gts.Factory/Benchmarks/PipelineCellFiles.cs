using System.Globalization;
using System.Text;
using System.Text.Json;
using Gts.Core.Data;
using Gts.Factory.Recipes;

namespace Gts.Factory.Benchmarks;

/// <summary>Writes one cell's data as the files a user would give the factory (JSON Lines with label names, labels.txt)
/// and a recipe naming them, so the cell runs exactly the production plan `gts produce` runs.</summary>
public static class PipelineCellFiles
{
    public const string RecipeFile = "recipe.yaml";

    /// <summary>Writes the files into <paramref name="directory"/> and returns the recipe's path.</summary>
    public static string Write(string directory, string name, LabelSet labels, bool isPair, PipelineCellData data, StepSettings steps, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(steps);
        Directory.CreateDirectory(directory);
        File.WriteAllLines(Path.Combine(directory, "labels.txt"), labels.Names);
        WriteJsonLines(Path.Combine(directory, "train.jsonl"), data.Train, labels);
        WriteJsonLines(Path.Combine(directory, "test.jsonl"), data.Test, labels);
        if (data.Dev.Count > 0) WriteJsonLines(Path.Combine(directory, "dev.jsonl"), data.Dev, labels);
        if (data.Pool.Count > 0) WriteJsonLines(Path.Combine(directory, "unlabeled.jsonl"), data.Pool, labels);

        var ci = CultureInfo.InvariantCulture;
        var yaml = new StringBuilder();
        yaml.AppendLine(ci, $"name: {Quote(name)}");
        yaml.AppendLine(ci, $"task: {(isPair ? "pair" : "single")}");
        yaml.AppendLine(ci, $"seed: {seed}");
        yaml.AppendLine("data:");
        yaml.AppendLine("  train: train.jsonl");
        yaml.AppendLine("  test: test.jsonl");
        yaml.AppendLine("  labels: labels.txt");
        if (data.Dev.Count > 0) yaml.AppendLine("  dev: dev.jsonl");
        if (data.Pool.Count > 0) yaml.AppendLine("  unlabeled: unlabeled.jsonl");
        yaml.AppendLine("steps:");
        if (steps.Pretrain.CorpusFiles.Count > 0)
            yaml.AppendLine(ci, $"  pretrain: {{ corpus: [{string.Join(", ", steps.Pretrain.CorpusFiles.Select(Quote))}], steps: {steps.Pretrain.Steps} }}");
        var tfidf = steps.Teach.Tfidf is { } on ? ", tfidf: " + Bool(on) : "";
        yaml.AppendLine(ci, $"  teach: {{ objective: {steps.Teach.Objective}, epochs: {steps.Teach.Epochs}, max_pairs: {steps.Teach.MaxPairs}{tfidf} }}");
        yaml.AppendLine(ci, $"  generate: {{ enabled: {Bool(steps.Generate.Enabled)}, per_example: {steps.Generate.PerExample}, max_pool: {steps.Generate.MaxPool} }}");
        yaml.AppendLine(ci, $"  label: {{ rounds: {steps.Label.Rounds}, threshold: {steps.Label.Threshold.ToString("R", ci)} }}");
        var init = steps.Distill.Init is { } how ? ", init: " + how : "";
        yaml.AppendLine(ci, $"  distill: {{ epochs: {steps.Distill.Epochs}{init} }}");
        yaml.AppendLine("output: model");
        var recipe = Path.Combine(directory, RecipeFile);
        File.WriteAllText(recipe, yaml.ToString());
        return recipe;
    }

    /// <summary>One JSON object per line: text, text_b when there is one, and the label's name when it has one.</summary>
    public static void WriteJsonLines(string path, IEnumerable<Example> examples, LabelSet labels)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(labels);
        using var file = new StreamWriter(path, append: false, new UTF8Encoding(false));
        foreach (var e in examples)
        {
            var record = new Dictionary<string, string> { ["text"] = e.Text };
            if (e.TextB is not null) record["text_b"] = e.TextB;
            if (e.IsLabeled) record["label"] = labels[e.Label];
            file.WriteLine(JsonSerializer.Serialize(record));
        }
    }

    private static string Quote(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Bool(bool b) => b ? "true" : "false";
}
