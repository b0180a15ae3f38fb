using System.Globalization;
using Gts.Core.Execution;
using Gts.Data.Import;
using Gts.Factory.Teaching;

namespace Gts.Factory.Steps;

/// <summary>Pretrains the factory's own backbone from scratch (output "encoders": its stored name) on the task's text (pool,
/// labelled and dev texts) plus the extra corpus files of steps.pretrain.corpus; never on the test file. The teach step
/// fine-tunes it in place of the packaged encoders, and the generate step mines neighbours with it. A corpus and settings
/// pretrained before (in any run) reuse the cached backbone.</summary>
public sealed class PretrainStep : IStep
{
    public const string KindName = "factory.pretrain";

    public string Kind => KindName;

    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var data = StepArtifacts.ReadTask(context);
        var ci = CultureInfo.InvariantCulture;
        var options = new BackboneOptions(Steps: int.Parse(context.Args["steps"], ci), Seed: int.Parse(context.Args["seed"], ci));
        var texts = data.Pool.Concat(data.Train).Concat(data.Dev).SelectMany(e => e.Sides()).ToList();
        var files = context.Args.GetValueOrDefault("corpus", "").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var file in files)
            texts.AddRange(ExampleImporter.ReadUnlabeled(file).SelectMany(e => e.Sides()));
        var result = BackbonePretraining.Build(texts, options, context.Log, cancellationToken);
        var hash = await StepArtifacts.PutDirectoryAsync(context, result.Directory, cancellationToken);
        var name = TunedEncoders.Name(TunedEncoders.Pretrained, BackbonePretraining.BaseName, hash);
        var listHash = await StepArtifacts.PutJsonAsync(context, new List<string> { name }, cancellationToken);
        var message = string.Create(ci, $"backbone {result.Info.Base} ({options.Layers} x {options.Hidden}, {result.Vocabulary} tokens) ") +
            (result.Cached ? "reused from the cache" : string.Create(ci, $"pretrained on {result.Info.Examples:N0} texts ({result.Characters:N0} characters, {files.Length} corpus files) in {result.Info.Seconds:F0} s")) +
            string.Create(ci, $"; held-out MLM loss {result.HeldOutBefore:F2} → {result.HeldOutAfter:F2}");
        return StepArtifacts.Outcome(message, ("encoders", listHash));
    }
}
