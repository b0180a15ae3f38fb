using System.Globalization;
using System.Security.Cryptography;
using Gts.Core.Runs;
using Gts.Factory.Recipes;
using Gts.Factory.Steps;

namespace Gts.Factory.Pipeline;

/// <summary>Turns a recipe into the run the dispatcher executes: prepare → (pretrain →) (tapt →) teach → generate → label →
/// distill → evaluate → export, each step declaring its inputs and outputs. The prepare step's arguments carry
/// the content hash of the recipe and its data files, so changed data re-runs everything and unchanged data
/// lets the dispatcher skip finished steps.</summary>
public static class ProductionPlan
{
    public static RunSpec Build(Recipe recipe, string recipePath)
    {
        var ci = CultureInfo.InvariantCulture;
        var s = recipe.Steps;
        var encoders = string.Join(',', s.Teach.EncoderNames);
        var data = new Dictionary<string, string> { ["data"] = "prepare:data" };

        var steps = new List<StepSpec>
        {
            Step("prepare", PrepareStep.KindName, [], new() { ["recipe"] = Path.GetFullPath(recipePath), ["content"] = ContentHash(recipe, recipePath) }, [], ["data"]),
        };
        var teachInputs = new Dictionary<string, string>(data);
        var generateInputs = new Dictionary<string, string>(data);
        string[] teachAfter = ["prepare"], generateAfter = ["prepare"];
        bool ownBackbone = UsesOwnBackbone(recipe);
        if (ownBackbone)
        {
            steps.Add(Step("pretrain", PretrainStep.KindName, ["prepare"], new()
            {
                ["corpus"] = string.Join('\n', s.Pretrain.CorpusFiles),
                ["steps"] = s.Pretrain.Steps.ToString(ci),
                ["seed"] = s.Pretrain.Seed.ToString(ci),
            }, data, ["encoders"]));
            teachInputs["adapted"] = generateInputs["encoders"] = "pretrain:encoders";
            teachAfter = generateAfter = ["pretrain"];
        }
        if (s.Tapt.Enabled)
        {
            var taptInputs = new Dictionary<string, string>(teachInputs);
            if (taptInputs.Remove("adapted", out var backbone)) taptInputs["base"] = backbone;
            steps.Add(Step("tapt", TaptStep.KindName, teachAfter, new()
            {
                ["encoders"] = encoders,
                ["steps"] = s.Tapt.Steps.ToString(ci),
                ["max_pool_texts"] = s.Tapt.MaxPoolTexts.ToString(ci),
                ["seed"] = recipe.Seed.ToString(ci),
            }, taptInputs, ["encoders"]));
            teachInputs["adapted"] = generateInputs["encoders"] = "tapt:encoders";
            teachAfter = generateAfter = ["tapt"];
        }
        steps.AddRange(
        [
            Step("teach", TeachStep.KindName, teachAfter, new()
            {
                ["encoders"] = encoders,
                ["objective"] = s.Teach.Objective,
                ["epochs"] = s.Teach.Epochs.ToString(ci),
                ["max_pairs"] = s.Teach.MaxPairs.ToString(ci),
                ["tfidf"] = (s.Teach.Tfidf ?? ownBackbone) ? "true" : "false",
                ["seed"] = recipe.Seed.ToString(ci),
            }, teachInputs, ["teacher"]),
            Step("generate", GenerateStep.KindName, generateAfter, new()
            {
                ["encoders"] = encoders,
                ["max_pool"] = s.Generate.MaxPool.ToString(ci),
                ["per_example"] = (s.Generate.Enabled ? s.Generate.PerExample : 0).ToString(ci),
                ["seed"] = recipe.Seed.ToString(ci),
            }, generateInputs, ["candidates"]),
            Step("label", LabelStep.KindName, ["teach", "generate"], new()
            {
                ["rounds"] = s.Label.Rounds.ToString(ci),
                ["threshold"] = s.Label.Threshold.ToString("R", ci),
            }, new(data) { ["teacher"] = "teach:teacher", ["candidates"] = "generate:candidates" }, ["labels"]),
            Step("distill", DistillStep.KindName, ["label"], new() { ["epochs"] = s.Distill.Epochs.ToString(ci), ["seed"] = recipe.Seed.ToString(ci), ["init"] = s.Distill.Init ?? DistillSettings.PcaInit },
                new(data) { ["labels"] = "label:labels" }, ["student"]),
            Step("evaluate", EvaluateStep.KindName, ["distill"], [], new(data) { ["labels"] = "label:labels", ["student"] = "distill:student" }, ["report"]),
            Step("export", ExportStep.KindName, ["evaluate"], new() { ["recipe"] = Path.GetFullPath(recipePath), ["output"] = recipe.Output },
                new(data) { ["labels"] = "label:labels", ["student"] = "distill:student", ["report"] = "evaluate:report" }, ["model"]),
        ]);
        return new RunSpec("produce " + recipe.Name, steps) { Queue = "production" };
    }

    private static StepSpec Step(string id, string kind, string[] dependsOn, Dictionary<string, string> args, Dictionary<string, string> inputs, string[] outputs) =>
        new(id, kind)
        {
            DependsOn = dependsOn,
            Args = args,
            Inputs = inputs,
            Outputs = outputs,
            Resources = new StepResources(Cpus: 1, MemoryMb: 2048),
            MaxAttempts = 2,
        };

    /// <summary>Whether the plan pretrains the factory's own backbone: as the recipe says, else when the task is Chinese
    /// (language zh, or auto and at least 30 % of the training text's letters are CJK ideographs) and it names no encoders.</summary>
    public static bool UsesOwnBackbone(Recipe recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        if (recipe.Steps.Pretrain.Enabled is { } enabled) return enabled;
        if (recipe.Steps.Teach.Encoders is not null) return false;
        return recipe.Language switch
        {
            Language.Chinese => true,
            Language.English => false,
            // A missing training file is the prepare step's error to report, with its own message.
            _ => File.Exists(recipe.Data.Train) && StudentVocabulary.CjkShare(Gts.Data.Import.ExampleImporter.ReadUnlabeled(recipe.Data.Train)
                .SelectMany(e => e.Sides())) >= 0.3,
        };
    }

    /// <summary>SHA-256 over the recipe file and every data file it names.</summary>
    public static string ContentHash(Recipe recipe, string recipePath)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in new[] { recipePath, recipe.Data.Train, recipe.Data.Dev, recipe.Data.Test, recipe.Data.Unlabeled, recipe.Data.Labels }.OfType<string>().Concat(recipe.Steps.Pretrain.CorpusFiles))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            if (File.Exists(file)) sha.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
