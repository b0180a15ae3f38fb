using Gts.Core.Data;
using Gts.Core.Execution;
using Gts.Factory.Generation;
using Gts.Factory.Teaching;

namespace Gts.Factory.Steps;

/// <summary>Makes the unlabeled candidates the teacher will label (output "candidates"): the pool texts
/// nearest to the labelled examples (all of them when the pool is small) plus EDA variants of the labelled texts.</summary>
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
        if (pool.Count > maxPool)
        {
            using var encoders = EncoderEnsemble.Open([context.Args["encoders"].Split(',')[0]]);
            var encoder = encoders.Encoders[0];
            var mined = NeighbourMiner.Nearest(encoder.Encode(data.Train.Select(e => e.Text).ToList(), cancellationToken: cancellationToken),
                encoder.Encode(pool.Select(e => e.Text).ToList(), cancellationToken: cancellationToken), maxPool);
            pool = NeighbourMiner.Select(pool, mined);
        }
        var variants = perExample > 0 ? EdaGenerator.Generate(data.Train, perExample, seed) : [];
        var candidates = pool.Concat(variants).ToList();
        var hash = await StepArtifacts.PutJsonAsync(context, candidates, cancellationToken);
        return StepArtifacts.Outcome($"{pool.Count} pool texts (of {data.Pool.Count}) and {variants.Count} EDA variants", ("candidates", hash));
    }
}
