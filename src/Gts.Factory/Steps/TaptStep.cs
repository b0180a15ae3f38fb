using System.Globalization;
using Gts.Core.Execution;
using Gts.Factory.Teaching;

namespace Gts.Factory.Steps;

/// <summary>Task-adaptive pretraining of each teacher encoder on the unlabelled pool plus the labelled texts (output
/// "encoders": the adapted encoders' names, which the teach step fine-tunes instead of the packaged ones).</summary>
public sealed class TaptStep : IStep
{
    public const string KindName = "factory.tapt";

    public string Kind => KindName;

    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var data = StepArtifacts.ReadTask(context);
        var ci = CultureInfo.InvariantCulture;
        int steps = int.Parse(context.Args["steps"], ci);
        int maxTexts = int.Parse(context.Args["max_pool_texts"], ci);
        int seed = int.Parse(context.Args["seed"], ci);
        var texts = data.Pool.Concat(data.Train).SelectMany(e => e.Sides())
            .Distinct(StringComparer.Ordinal).Take(maxTexts).ToList();
        var names = new List<string>();
        var notes = new List<string>();
        // After the pretrain step its backbone is adapted in place of the packaged encoders.
        var bases = context.Inputs.ContainsKey("base") ? StepArtifacts.ReadJson<List<string>>(context, "base").ToArray() : context.Args["encoders"].Split(',');
        foreach (var name in bases)
        {
            var dir = Directory.CreateTempSubdirectory("gts-tapt-").FullName;
            try
            {
                var encoder = TunedEncoders.BaseOf(name);
                context.Log.WriteLine($"TAPT of {encoder}: {steps} masked-LM steps on {texts.Count} texts");
                var result = EncoderAdaptation.Adapt(TunedEncoders.Locate(name, context.Artifacts), texts, steps, seed, dir, cancellationToken);
                names.Add(TunedEncoders.Name(TunedEncoders.Adapted, encoder, await StepArtifacts.PutDirectoryAsync(context, dir, cancellationToken)));
                notes.Add(string.Create(ci, $"{encoder}: held-out MLM loss {result.HeldOutBefore:F2} → {result.HeldOutAfter:F2} in {result.Info.Seconds:F0} s"));
                context.Log.WriteLine(notes[^1]);
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        var hash = await StepArtifacts.PutJsonAsync(context, names, cancellationToken);
        return StepArtifacts.Outcome("TAPT " + string.Join("; ", notes), ("encoders", hash));
    }
}
