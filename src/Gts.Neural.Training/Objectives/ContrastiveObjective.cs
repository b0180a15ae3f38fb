using Gts.Neural.Training.Modules;
using Gts.Neural.Training.Text;
using Gts.Neural.Training.Training;
using static TorchSharp.torch;

namespace Gts.Neural.Training.Objectives;

/// <summary>SetFit's contrastive stage: mean squared error between cos(u, v) of the two pooled sentence vectors and the
/// pair target (sentence-transformers CosineSimilarityLoss). The batch indices address <c>pairs</c>.</summary>
public sealed class ContrastiveObjective(SentenceClassifier model, IReadOnlyList<TokenSequence> inputs, IReadOnlyList<ContrastivePair> pairs, int padId = 0)
{
    /// <summary>Token count of each pair (for length bucketing).</summary>
    public IReadOnlyList<int> PairLengths => pairs.Select(p => inputs[p.A].Length + inputs[p.B].Length).ToArray();

    public BatchLoss Loss(int[] batch)
    {
        var sides = batch.SelectMany(i => new[] { pairs[i].A, pairs[i].B }).ToArray();
        var b = PaddedBatch.From(inputs, sides, padId);
        var pooled = Pooling.Pool(model.Encoder.forward(b.Ids, b.Mask, b.TypeIds), b.Mask, model.Pooling).view(batch.Length, 2, -1);
        var cos = nn.functional.cosine_similarity(pooled.select(1, 0), pooled.select(1, 1), 1);
        var target = tensor(batch.Select(i => pairs[i].Target).ToArray());
        return new BatchLoss(nn.functional.mse_loss(cos, target), b.Tokens);
    }
}
