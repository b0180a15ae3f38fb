using Gts.Neural.Training.Modules;
using Gts.Neural.Training.Text;
using Gts.Neural.Training.Training;
using static TorchSharp.torch;

namespace Gts.Neural.Training.Objectives;

/// <summary>End-to-end fine-tuning of encoder + head with cross-entropy, for single texts and sentence pairs alike
/// (pairs are <see cref="TokenSequence.Pair"/> encodings).</summary>
public sealed class CrossEntropyObjective(SentenceClassifier model, IReadOnlyList<TokenSequence> inputs, IReadOnlyList<int> labels, int padId = 0)
{
    public BatchLoss Loss(int[] batch)
    {
        var b = PaddedBatch.From(inputs, batch, padId);
        var target = tensor(batch.Select(i => (long)labels[i]).ToArray());
        return new BatchLoss(nn.functional.cross_entropy(model.forward(b.Ids, b.Mask, b.TypeIds), target), b.Tokens);
    }
}
