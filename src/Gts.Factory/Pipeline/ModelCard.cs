using System.Globalization;
using System.Text;
using System.Text.Json;
using Gts.Factory.Recipes;

namespace Gts.Factory.Pipeline;

/// <summary>The model card written beside the exported student: data, metrics per model and per label, label
/// map, recipe and step timings, as Markdown for people and JSON for programs.</summary>
public sealed record ModelCard(
    string Name,
    DateTimeOffset CreatedAt,
    Recipe Recipe,
    IReadOnlyList<string> LabelNames,
    IReadOnlyDictionary<string, int> DataCounts,
    EvaluationReport Evaluation,
    IReadOnlyList<Teaching.SelfTraining.Round> SelfTrainingRounds,
    IReadOnlyDictionary<string, double> StepSeconds)
{
    /// <summary>The teacher's members as used (e.g. "gts-char (SetFit-tuned)", "TF-IDF"); empty = the recipe's encoders.</summary>
    public IReadOnlyList<string> TeacherMembers { get; init; } = [];

    public const string MarkdownFile = "model-card.md";
    public const string JsonFile = "model-card.json";

    public void Write(string directory)
    {
        File.WriteAllText(Path.Combine(directory, JsonFile), JsonSerializer.Serialize(this, new JsonSerializerOptions(ArtifactJson.Options) { WriteIndented = true }));
        File.WriteAllText(Path.Combine(directory, MarkdownFile), ToMarkdown());
    }

    public string ToMarkdown()
    {
        var ci = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(ci, $"# Model card: {Name}").AppendLine();
        md.AppendLine(ci, $"Produced by GTS factory on {CreatedAt:yyyy-MM-dd HH:mm} UTC from recipe `{Recipe.Name}` ({(Recipe.Task == TaskKind.SentencePair ? "sentence-pair" : "single-text")} classification).").AppendLine();
        md.AppendLine("## Use").AppendLine();
        md.AppendLine("`model.onnx` is the student (ONNX Runtime, CPU). Inputs: `input_ids` (int64 [batch, tokens]: word pieces of `vocab.txt`, then hashed bigram ids as `student.json` describes) and `attention_mask` (float [batch, tokens])" +
            (Recipe.Task == TaskKind.SentencePair ? ", and the same two for the second text (`input_ids_b`, `attention_mask_b`)" : "") + "; outputs `probs` and `logits` over the labels of `labels.txt`. `gts predict --model <this folder>` does all of it.").AppendLine();
        md.AppendLine("## Labels").AppendLine();
        for (int i = 0; i < LabelNames.Count; i++) md.AppendLine(ci, $"- {i}: `{LabelNames[i]}`");
        md.AppendLine().AppendLine("## Data").AppendLine();
        md.AppendLine("| split | texts |").AppendLine("| --- | ---: |");
        foreach (var (k, v) in DataCounts) md.AppendLine(ci, $"| {k} | {v:N0} |");
        md.AppendLine().AppendLine(ci, $"## Test results ({Evaluation.TestCount:N0} texts)").AppendLine();
        md.AppendLine("| model | accuracy | macro-F1 | MCC |").AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var (k, r) in Evaluation.Models) md.AppendLine(ci, $"| {k} | {r.Accuracy * 100:F1} | {r.MacroF1 * 100:F1} | {r.Mcc * 100:F1} |");
        md.AppendLine().AppendLine(ci, $"Student: {Evaluation.StudentBytes / 1e6:F2} MB ONNX, {Evaluation.StudentTextsPerSecond:N0} texts/s batch inference (tokenization included, 1 thread).").AppendLine();
        if (Evaluation.Models.TryGetValue(EvaluationReport.Student, out var student))
        {
            md.AppendLine("### Student, per label").AppendLine();
            md.AppendLine("| label | precision | recall | F1 | support |").AppendLine("| --- | ---: | ---: | ---: | ---: |");
            foreach (var c in student.PerClass) md.AppendLine(ci, $"| {LabelNames[c.Label]} | {c.Precision * 100:F1} | {c.Recall * 100:F1} | {c.F1 * 100:F1} | {c.Support} |");
            md.AppendLine().AppendLine("Confusion (rows gold, columns predicted):").AppendLine();
            md.AppendLine("| | " + string.Join(" | ", LabelNames) + " |").AppendLine("|---|" + string.Concat(LabelNames.Select(_ => "---:|")));
            for (int i = 0; i < LabelNames.Count; i++) md.AppendLine(ci, $"| {LabelNames[i]} | {string.Join(" | ", student.Confusion[i])} |");
            md.AppendLine();
        }
        md.AppendLine("## How it was made").AppendLine();
        var teach = Recipe.Steps.Teach;
        var tuning = teach.Objective == TeachSettings.Contrastive
            ? $"each fine-tuned SetFit-style on up to {teach.MaxPairs} contrastive pairs of the labelled texts ({teach.Epochs} epoch(s); sentence-pair tasks keep them frozen), "
            : "kept frozen, ";
        var members = TeacherMembers.Count > 0 ? TeacherMembers : teach.EncoderNames;
        md.AppendLine(ci, $"Teacher: {string.Join(" + ", members)}: the sentence encoders {tuning}with a logistic regression each on their embeddings (a TF-IDF member on character or word n-grams), probabilities averaged and temperature-calibrated on dev. Self-training rounds (threshold {Recipe.Steps.Label.Threshold}):").AppendLine();
        foreach (var r in SelfTrainingRounds) md.AppendLine(ci, $"- round {r.Index}: +{r.Added} pseudo-labels, dev accuracy {(r.DevAccuracy is { } d ? (d * 100).ToString("F1", ci) : "n/a")}{(r.Kept ? "" : " (worse: discarded)")}");
        md.AppendLine().AppendLine("Student: bag of word pieces and hashed word-piece bigrams, mean-pooled, one hidden layer, distilled from the teacher's soft labels on the pool and generated texts plus the gold labels.").AppendLine();
        md.AppendLine("## Timings").AppendLine();
        md.AppendLine("| step | seconds |").AppendLine("| --- | ---: |");
        foreach (var (k, v) in StepSeconds) md.AppendLine(ci, $"| {k} | {v:F1} |");
        return md.ToString();
    }
}
