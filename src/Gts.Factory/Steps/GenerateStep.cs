using Gts.Core.Data;
using Gts.Core.Execution;
using Gts.Factory.Generation;
using Gts.Factory.Teaching;

namespace Gts.Factory.Steps;

/// <summary>Makes the unlabeled candidates the teacher will label (output "candidates"): the pool texts
/// nearest to the labelled examples (all of them when the pool is small), EDA variants of the labelled texts and, when the
/// encoder kept its MLM head (the factory's own backbone, or after TAPT), masked-LM replacements of them.</summary>
public sealed class GenerateStep : IStep
{
    public const string KindName = "factory.generate";

    public string Kind => KindName;

    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var data = StepArtifacts.ReadTask(context);
        int maxPool = int.Parse(context.Args["max_pool"], System.Globalization.CultureInfo.InvariantCulture);
        int perExample = int.Parse(context.Args["per_example"], System.Globalization.CultureInfo.InvariantCulture);
        int seed = int.Parse(context.Args["seed"], System.Globalization.CultureInfo.InvariantCulture);

        IReadOnlyList<Example> pool = data.Pool;
        // The pretrain (or TAPT) step's encoder when there is one (its language, its MLM head), else the first packaged encoder.
        var first = context.Inputs.ContainsKey("encoders") ? StepArtifacts.ReadJson<List<string>>(context, "encoders")[0] : context.Args["encoders"].Split(',')[0];
        if (pool.Count > maxPool)
        {
            using var encoders = TunedEncoders.Open([first], context.Artifacts);
            var encoder = encoders.Encoders[0];
            var mined = NeighbourMiner.Nearest(encoder.Encode(data.Train.Select(e => e.Text).ToList(), cancellationToken: cancellationToken),
                encoder.Encode(pool.Select(e => e.Text).ToList(), cancellationToken: cancellationToken), maxPool);
            pool = NeighbourMiner.Select(pool, mined);
        }
        var variants = perExample > 0 ? EdaGenerator.Generate(data.Train, perExample, seed) : [];
        var folder = TunedEncoders.Locate(first, context.Artifacts);
        var replaced = perExample > 0 && MaskedLmGenerator.CanGenerate(folder)
            ? MaskedLmGenerator.Generate(folder, data.Train, perExample, seed, cancellationToken: cancellationToken) : [];
        var candidates = pool.Concat(variants).Concat(replaced).ToList();
        var hash = await StepArtifacts.PutJsonAsync(context, candidates, cancellationToken);
        return StepArtifacts.Outcome($"{pool.Count} pool texts (of {data.Pool.Count}), {variants.Count} EDA variants" +
            (MaskedLmGenerator.CanGenerate(folder) ? $", {replaced.Count} masked-LM replacements" : ""), ("candidates", hash));
    }
}
