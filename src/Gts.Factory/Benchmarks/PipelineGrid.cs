using System.Text.Json;
using Gts.Core.Data;
using Gts.Core.Store;
using Gts.Data.Folders;
using Gts.Factory.Pipeline;
using Gts.Factory.Recipes;
using Gts.Factory.Steps;
using Gts.Factory.Teaching;

namespace Gts.Factory.Benchmarks;

/// <summary>Runs the production pipeline in this process for every cell of a profile (data set x variant x seed), skipping cells
/// already in the store. Each cell writes its data and recipe under <paramref name="workRoot"/>, runs the plan's steps with an
/// artifact store from <paramref name="openArtifacts"/> (the caller picks the implementation), and keeps only the result.</summary>
public sealed class PipelineGrid(string dataRoot, PipelineProfile profile, PipelineCellStore store, string workRoot, Func<string, IArtifactStore> openArtifacts)
{
    /// <summary>The production step kinds, in the order the plan runs them.</summary>
    public static IReadOnlyList<Core.Execution.IStep> Steps => FactorySteps.All;

    /// <summary>Texts the Distill-off ablation times the teacher on.</summary>
    public const int TeacherSpeedTexts = 512;

    public async Task<PipelineRun> RunAsync(IProgress<PipelineProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var results = new List<PipelineCellResult>();
        var embeddings = new List<PipelineEmbedStat>();
        var cellsByDataset = profile.Datasets.ToDictionary(name => name, profile.CellsOf);
        int run = 0, cached = 0, done = 0, total = cellsByDataset.Values.Sum(c => c.Count);
        TeacherSpeed? teacherSpeed = null;
        foreach (var name in profile.Datasets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pending = new List<PipelineCell>();
            foreach (var cell in cellsByDataset[name])
            {
                if (store.TryLoad(cell) is not { } stored) { pending.Add(cell); continue; }
                results.Add(stored);
                cached++;
                progress?.Report(new PipelineProgress("cells", $"{cell.Key} (cached)", ++done, total));
            }
            bool timeTeacher = teacherSpeed is null && profile.Ablations.Count > 0 && profile.AblationDatasets.Contains(name);
            if (pending.Count == 0 && !timeTeacher) continue;

            var dataset = DatasetFolder.Load(Path.Combine(dataRoot, name));
            if (pending.Count > 0) embeddings.AddRange(Embed(dataset, pending, progress, cancellationToken));
            foreach (var cell in pending)
            {
                progress?.Report(new PipelineProgress("cells", cell.Key, done, total));
                var result = await RunCellAsync(cell, dataset, cancellationToken);
                store.Save(result);
                results.Add(result);
                run++;
                progress?.Report(new PipelineProgress("cells", cell.Key, ++done, total));
            }
            if (timeTeacher)
            {
                progress?.Report(new PipelineProgress("teacher speed", $"timing the teacher's encoders on {name}", 0, 1));
                var texts = dataset.Test.Take(TeacherSpeedTexts).Select(e => e.Text).ToList();
                teacherSpeed = TeacherSpeed.Measure(new TeachSettings().EncoderNames, texts, cancellationToken: cancellationToken);
            }
        }
        return new PipelineRun(results, embeddings, teacherSpeed, run, cached);
    }

    /// <summary>Runs one cell's production plan and reads its evaluation; the cell's work folder is removed afterwards.</summary>
    public async Task<PipelineCellResult> RunCellAsync(PipelineCell cell, Dataset dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(dataset);
        var (data, skip) = PipelineSplits.Of(dataset, cell);
        if (data is null)
            return new PipelineCellResult { Cell = cell, SkipReason = skip, Labels = dataset.Labels.Names, TestCount = dataset.Test.Count, FinishedAt = DateTimeOffset.UtcNow };

        var dir = Path.Combine(workRoot, cell.Key);
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        try
        {
            var settings = PipelineVariant.Settings(cell.Variant, profile.MaxPool);
            if (PipelineProfile.IsFewClue(cell.Dataset)) settings = settings with { Pretrain = settings.Pretrain with { Corpus = ChineseCorpus(dataRoot) } };
            var recipePath = PipelineCellFiles.Write(dir, cell.Key, dataset.Labels, dataset.IsPair, data, settings, cell.Seed);
            var recipe = RecipeReader.Read(recipePath);
            var artifacts = openArtifacts(Path.Combine(dir, "artifacts"));
            Directory.CreateDirectory(store.Directory);
            using var log = new StreamWriter(Path.Combine(store.Directory, cell.Key + ".log")) { AutoFlush = true }; // follow a long cell with tail -f
            var steps = await InProcessPipeline.RunAsync(ProductionPlan.Build(recipe, recipePath), artifacts, Steps, log, "bench-" + cell.Key, cancellationToken);
            var report = Read<EvaluationReport>(artifacts, Output(steps, "evaluate", "report"));
            var labels = Read<LabelOutcome>(artifacts, Output(steps, "label", "labels"));
            return new PipelineCellResult
            {
                Cell = cell,
                Labels = dataset.Labels.Names,
                TrainCount = data.Train.Count,
                DevCount = data.Dev.Count,
                DevSource = data.DevSource,
                TestCount = report.TestCount,
                PoolCount = data.Pool.Count,
                Models = report.Models,
                StudentBytes = report.StudentBytes,
                StudentTextsPerSecond = report.StudentTextsPerSecond,
                StepSeconds = steps.ToDictionary(s => s.StepId, s => s.Seconds),
                SelfTrainingRounds = labels.Rounds,
                PseudoLabels = labels.Teacher.Labelled.Count - data.Train.Count,
                SoftLabels = labels.Labels.Count,
                LoadAverage = LoadAverage(),
                FinishedAt = DateTimeOffset.UtcNow,
            };
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The Chinese text a FewCLUE cell pretrains its backbone on besides its own: zh_corpus and the training-side files
    /// (train, dev, unlabeled; never test) of every FewCLUE task under <paramref name="dataRoot"/>. Every FewCLUE cell gets the same
    /// list, and its own texts are among them, so all cells share one cached backbone.</summary>
    public static IReadOnlyList<string> ChineseCorpus(string dataRoot)
    {
        var files = new List<string>();
        var corpus = Path.Combine(dataRoot, "zh_corpus", "corpus.txt.gz");
        if (File.Exists(corpus)) files.Add(Path.GetFullPath(corpus));
        foreach (var task in PipelineProfile.FewClue)
            foreach (var split in new[] { "train", "dev", "unlabeled" })
            {
                var path = Path.Combine(dataRoot, task, split + ".jsonl.gz");
                if (File.Exists(path) && new FileInfo(path).Length > 64) files.Add(Path.GetFullPath(path));
            }
        return files;
    }

    // Embeds every text the pending cells' teachers and floors will need, once, into the shared embedding cache, so that the
    // step timings of every cell are measured with a warm cache and the embedding cost is reported on its own.
    private static List<PipelineEmbedStat> Embed(Dataset dataset, List<PipelineCell> pending, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        var examples = new List<Example>(dataset.Test);
        examples.AddRange(dataset.Unlabeled);
        foreach (var cell in pending)
            if (PipelineSplits.Of(dataset, cell).Data is { } d) { examples.AddRange(d.Train); examples.AddRange(d.Dev); }
        var texts = examples.SelectMany(e => e.Sides()).Distinct(StringComparer.Ordinal).ToArray();
        var stats = new List<PipelineEmbedStat>();
        using var ensemble = EncoderEnsemble.Open(PipelineProfile.IsFewClue(dataset.Name) ? ["minilm"] : new TeachSettings().EncoderNames);
        foreach (var encoder in ensemble.Encoders)
        {
            var description = $"embedding {dataset.Name} with {encoder.Spec.Name}";
            var report = progress is null ? null : new Progress<int>(n => progress.Report(new PipelineProgress("embed", description, n, texts.Length)));
            int before = encoder.Embedded;
            double seconds = encoder.EmbedSeconds;
            encoder.Encode(texts, report, cancellationToken);
            progress?.Report(new PipelineProgress("embed", description, texts.Length, texts.Length));
            stats.Add(new PipelineEmbedStat(dataset.Name, encoder.Spec.Name, encoder.Embedded - before, encoder.EmbedSeconds - seconds));
        }
        return stats;
    }

    private static string Output(IReadOnlyList<PipelineStepRun> steps, string step, string output) =>
        steps.Single(s => s.StepId == step).Outcome.Outputs[output];

    private static T Read<T>(IArtifactStore artifacts, string hash)
    {
        using var stream = artifacts.OpenRead(hash);
        return JsonSerializer.Deserialize<T>(stream, ArtifactJson.Options) ?? throw new InvalidDataException($"artifact {hash} is empty");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
