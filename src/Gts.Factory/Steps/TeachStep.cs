using System.Globalization;
using Gts.Core.Execution;
using Gts.Factory.Recipes;
using Gts.Factory.Teaching;

namespace Gts.Factory.Steps;

/// <summary>Trains the teacher on the few gold labels (output "teacher"): with the contrastive objective (the default) each
/// encoder is first fine-tuned SetFit-style on pairs of the labelled texts and stored as an artifact; then one logistic
/// regression per encoder is fitted on the (tuned) embeddings and the ensemble is temperature-calibrated on dev.
/// Sentence-pair tasks keep the frozen encoders: the pair features are built from each side's embedding, which the
/// single-sequence contrastive objective does not train.</summary>
public sealed class TeachStep : IStep
{
    public const string KindName = "factory.teach";

    public string Kind => KindName;

    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var data = StepArtifacts.ReadTask(context);
        // After TAPT the adapted encoders are fine-tuned in place of the packaged ones.
        var baseNames = context.Inputs.ContainsKey("adapted")
            ? StepArtifacts.ReadJson<List<string>>(context, "adapted").ToArray()
            : context.Args["encoders"].Split(',');
        var objective = context.Args.GetValueOrDefault("objective", TeachSettings.Contrastive);
        var names = baseNames.ToList();
        var notes = new List<string>();
        if (objective == TeachSettings.Contrastive && data.IsPair)
            notes.Add("pair task: encoders kept frozen");
        else if (objective == TeachSettings.Contrastive)
        {
            var ci = CultureInfo.InvariantCulture;
            var options = new TuningOptions(
                Epochs: int.Parse(context.Args["epochs"], ci),
                MaxPairs: int.Parse(context.Args["max_pairs"], ci),
                Seed: int.Parse(context.Args["seed"], ci));
            for (int i = 0; i < baseNames.Length; i++)
            {
                var dir = Directory.CreateTempSubdirectory("gts-tuned-").FullName;
                try
                {
                    context.Log.WriteLine($"fine-tuning {TunedEncoders.Display(baseNames[i])} (SetFit) on {data.Train.Count} labelled texts");
                    var info = EncoderTuning.Tune(TunedEncoders.Locate(baseNames[i], context.Artifacts), data.Train, data.Classes, options with { Seed = options.Seed + i }, dir, cancellationToken);
                    var hash = await StepArtifacts.PutDirectoryAsync(context, dir, cancellationToken);
                    names[i] = TunedEncoders.Name(TunedEncoders.Tuned, TunedEncoders.BaseOf(baseNames[i]), hash);
                    notes.Add($"{TunedEncoders.Display(baseNames[i])} tuned on {info.Pairs} pairs in {info.Seconds:F0} s ({info.TokensPerSecond:F0} tokens/s)");
                    context.Log.WriteLine(notes[^1]);
                }
                finally
                {
                    Directory.Delete(dir, recursive: true);
                }
            }
        }

        using var encoders = TunedEncoders.Open(names, context.Artifacts);
        var tfidf = context.Args.GetValueOrDefault("tfidf") == "true";
        var spec = new TeacherSpec(names, data.Train, data.Classes) { Tfidf = tfidf };
        if (tfidf && data.Dev.Count > 0)
        {
            // With a TF-IDF member (the own backbone's teacher) dev decides between the ensemble and each member alone.
            (spec, var candidates) = Teacher.SelectMembers(spec, data.Dev, encoders, cancellationToken);
            notes.Add("members chosen on dev: " + string.Join(", ", candidates.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Choice} {c.Accuracy:P1}"))) +
                " → " + (spec.Members is null ? "all" : string.Join(" + ", spec.Members.Select(m => m < names.Count ? TunedEncoders.Display(names[m]) : "TF-IDF"))));
            context.Log.WriteLine(notes[^1]);
        }
        var outcome = SelfTraining.Run(spec, [], data.Dev, encoders,
            new LabelSettings(Rounds: 0), context.Log, cancellationToken);
        var teacherHash = await context.Artifacts.PutAsync(new MemoryStream(outcome.Teacher.ToJson()), cancellationToken);
        var dev = outcome.Rounds[0].DevAccuracy;
        return StepArtifacts.Outcome($"teacher of {string.Join(" + ", names.Select(TunedEncoders.Display).Concat(tfidf ? ["TF-IDF"] : []))} on {data.Train.Count} labels, " +
            $"temperature {outcome.Teacher.Temperature:F2}" + (dev is null ? "" : $", dev accuracy {dev:P1}") +
            (notes.Count > 0 ? "; " + string.Join("; ", notes) : ""), ("teacher", teacherHash));
    }
}
