using Gts.Factory.Pipeline;
using Gts.Factory.Recipes;
using Gts.Factory.Steps;
using Gts.Neural.Student;
using Gts.Store.Artifacts;
using Xunit.Abstractions;

namespace Gts.Factory.Tests.Pipeline;

[Collection(TorchCollection.Name)]
public sealed class ProductionStepsTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gts-produce-").FullName;

    [Fact]
    public async Task Every_step_runs_and_the_export_is_a_working_onnx_student_with_a_model_card()
    {
        var samples = Path.Combine(RepoRoot(), "samples", "reviews");
        var recipePath = Path.Combine(_dir, "recipe.yaml");
        await File.WriteAllTextAsync(recipePath, $"""
            name: reviews-test
            data:
              train: {samples}/train.jsonl
              dev: {samples}/dev.jsonl
              test: {samples}/test.jsonl
              unlabeled: {samples}/unlabeled.jsonl
              labels: {samples}/labels.txt
            steps:
              teach: {"{"} encoders: [minilm], max_pairs: 32 {"}"}
              generate: {"{"} per_example: 1, max_pool: 120 {"}"}
              label: {"{"} rounds: 1 {"}"}
              distill: {"{"} epochs: 4 {"}"}
            output: model
            """);
        var recipe = RecipeReader.Read(recipePath);
        var plan = ProductionPlan.Build(recipe, recipePath);
        var log = new StringWriter();

        var outcomes = await InProcessRun.RunAsync(plan, new FileArtifactStore(Path.Combine(_dir, "artifacts")),
            [new PrepareStep(), new TeachStep(), new GenerateStep(), new LabelStep(), new DistillStep(), new EvaluateStep(), new ExportStep()], log);
        output.WriteLine(log.ToString());

        var model = Path.Combine(_dir, "model");
        foreach (var f in new[] { StudentClassifier.ModelFile, StudentClassifier.VocabFile, StudentClassifier.LabelsFile, StudentConfig.FileName, ModelCard.MarkdownFile, ModelCard.JsonFile })
            Assert.True(File.Exists(Path.Combine(model, f)), $"{f} missing from the exported model");
        Assert.True(new FileInfo(Path.Combine(model, StudentClassifier.ModelFile)).Length < 10_000_000);

        using var student = StudentClassifier.Open(model);
        var probs = student.Predict(["This blender is fantastic, I love it and use it every day.", "Broke after two days, a complete waste of money."]);
        Assert.Equal(["negative", "positive"], student.Labels.Names);
        Assert.True(probs[0][1] > probs[0][0], "a plainly positive review should lean positive");
        Assert.True(probs[1][0] > probs[1][1], "a plainly negative review should lean negative");
        Assert.Contains("student", await File.ReadAllTextAsync(Path.Combine(model, ModelCard.MarkdownFile)), StringComparison.Ordinal);
        Assert.Equal(7, outcomes.Count);
    }

    [Fact]
    public void The_plan_orders_steps_after_their_inputs()
    {
        var recipe = RecipeReader.Parse("data: { train: t.jsonl }\n", Path.Combine(_dir, "r.yaml"));
        var plan = ProductionPlan.Build(recipe, Path.Combine(_dir, "r.yaml"));
        var seen = new HashSet<string>();
        foreach (var step in plan.Steps)
        {
            Assert.All(step.DependsOn, d => Assert.Contains(d, seen));
            Assert.All(step.Inputs.Values, v => Assert.Contains(v.Split(':')[0], seen));
            seen.Add(step.Id);
        }
        Assert.Equal(["prepare", "teach", "generate", "label", "distill", "evaluate", "export"], plan.Steps.Select(s => s.Id));
    }

    [Fact]
    public void With_tapt_on_the_teacher_is_fine_tuned_from_the_adapted_encoders()
    {
        var recipe = RecipeReader.Parse("data: { train: t.jsonl }\nsteps: { tapt: { enabled: true, steps: 50 } }\n", Path.Combine(_dir, "r.yaml"));
        var plan = ProductionPlan.Build(recipe, Path.Combine(_dir, "r.yaml"));

        Assert.Equal(["prepare", "tapt", "teach", "generate", "label", "distill", "evaluate", "export"], plan.Steps.Select(s => s.Id));
        var teach = plan.Steps.Single(s => s.Id == "teach");
        Assert.Equal("tapt:encoders", teach.Inputs["adapted"]);
        Assert.Equal(["tapt"], teach.DependsOn);
        Assert.Equal("50", plan.Steps.Single(s => s.Id == "tapt").Args["steps"]);
    }

    [Fact]
    public async Task A_Chinese_task_runs_on_a_backbone_the_factory_pretrains_itself()
    {
        Teaching.ChineseReviews.WriteTask(_dir);
        var corpus = Path.Combine(_dir, "corpus.txt");
        await File.WriteAllLinesAsync(corpus, Teaching.ChineseReviews.Texts(3000, 200).Append("语料 " + Guid.NewGuid().ToString("N")));
        var recipePath = Path.Combine(_dir, "recipe.yaml");
        await File.WriteAllTextAsync(recipePath, """
            data: { train: train.jsonl, dev: dev.jsonl, test: test.jsonl, unlabeled: unlabeled.jsonl, labels: labels.txt }
            steps:
              pretrain: { corpus: [corpus.txt], steps: 30 }
              teach: { max_pairs: 64 }
              generate: { per_example: 1, max_pool: 100 }
              label: { rounds: 1 }
              distill: { epochs: 6, init: static }
            """);
        var recipe = RecipeReader.Read(recipePath);
        var plan = ProductionPlan.Build(recipe, recipePath);
        Assert.Equal(["prepare", "pretrain", "teach", "generate", "label", "distill", "evaluate", "export"], plan.Steps.Select(s => s.Id));
        var log = new StringWriter();

        var artifacts = new FileArtifactStore(Path.Combine(_dir, "artifacts"));
        var outcomes = await InProcessRun.RunAsync(plan, artifacts, FactorySteps.All, log);
        output.WriteLine(log.ToString());

        Assert.Contains("pretrained on", outcomes["pretrain"].Message, StringComparison.Ordinal);
        Assert.Contains("gts-char (pretrained here)", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("100 pool texts (of 240)", outcomes["generate"].Message, StringComparison.Ordinal); // mined with the backbone
        Assert.Matches("[1-9][0-9]* masked-LM replacements", outcomes["generate"].Message);
        Assert.Matches("student rows of [1-9][0-9,]* tokens from gts-char", log.ToString()); // the student's characters the backbone knows
        EvaluationReport report;
        using (var stream = artifacts.OpenRead(outcomes["evaluate"].Outputs["report"]))
            report = System.Text.Json.JsonSerializer.Deserialize<EvaluationReport>(stream, ArtifactJson.Options)!;
        // The English floor reads these texts as mostly [UNK]; the factory's own backbone and the character student must not.
        Assert.True(report.Models[EvaluationReport.Teacher].Accuracy >= 0.8, $"teacher {report.Models[EvaluationReport.Teacher].Accuracy:P1}");
        Assert.True(report.Models[EvaluationReport.Student].Accuracy >= 0.75, $"student {report.Models[EvaluationReport.Student].Accuracy:P1}");
        Assert.True(File.Exists(Path.Combine(_dir, "model", StudentClassifier.ModelFile)));
    }

    [Theory]
    [InlineData("language: zh\n", true)]
    [InlineData("language: zh\nsteps: { teach: { encoders: [minilm] } }\n", false)]
    [InlineData("language: en\n", false)]
    [InlineData("language: en\nsteps: { pretrain: { enabled: true } }\n", true)]
    public void The_own_backbone_is_pretrained_for_Chinese_unless_the_recipe_names_encoders(string yaml, bool pretrains)
    {
        var recipe = RecipeReader.Parse("data: { train: t.jsonl }\n" + yaml, Path.Combine(_dir, "r.yaml"));
        var plan = ProductionPlan.Build(recipe, Path.Combine(_dir, "r.yaml"));

        Assert.Equal(pretrains, plan.Steps.Any(s => s.Id == "pretrain"));
        if (pretrains)
        {
            Assert.Equal("pretrain:encoders", plan.Steps.Single(s => s.Id == "teach").Inputs["adapted"]);
            Assert.Equal("pretrain:encoders", plan.Steps.Single(s => s.Id == "generate").Inputs["encoders"]);
        }
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Gts.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("run the tests inside the repository");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
