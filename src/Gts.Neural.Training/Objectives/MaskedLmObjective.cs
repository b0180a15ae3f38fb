using Gts.Neural.Training.Modules;
using Gts.Neural.Training.Text;
using Gts.Neural.Training.Training;
using static TorchSharp.torch;

namespace Gts.Neural.Training.Objectives;

/// <summary>Masked-language-model loss: 15 % of the non-special tokens are chosen; of those 80 % become [MASK], 10 % a random
/// token, 10 % stay (Devlin et al. 2019, "BERT", section 3.1). Masks come from one seeded stream, fresh at every step.</summary>
public sealed class MaskedLmObjective(MaskedLanguageModel model, IReadOnlyList<TokenSequence> inputs, SpecialTokens special, double maskRate = 0.15, int seed = 0)
{
    private readonly Random _random = new(seed); // one stream for the whole run: every step draws new masks

    public BatchLoss Loss(int[] batch) => Loss(batch, _random);

    /// <summary>The loss with masks drawn from <paramref name="random"/>; held-out evaluation passes a fixed seed.</summary>
    public BatchLoss Loss(int[] batch, Random random)
    {
        var b = PaddedBatch.From(inputs, batch, special.Pad);
        var (ids, selected, targets) = Mask(b.Ids.data<long>().ToArray(), b.Mask.data<long>().ToArray(), random);
        long[] shape = [.. b.Ids.shape];
        var logits = model.forward(tensor(ids, shape), b.Mask, tensor(selected, shape));
        return new BatchLoss(nn.functional.cross_entropy(logits, tensor(targets)), b.Tokens);
    }

    /// <summary>Pure masking over flat arrays: returns the corrupted ids, the chosen positions and the original ids there.
    /// At least one position is chosen per batch so the loss is defined.</summary>
    public (long[] Ids, bool[] Selected, long[] Targets) Mask(long[] ids, long[] attention, Random random)
    {
        var corrupted = (long[])ids.Clone();
        var selected = new bool[ids.Length];
        var targets = new List<long>();
        int firstCandidate = -1;
        for (int i = 0; i < ids.Length; i++)
        {
            if (attention[i] == 0 || special.IsSpecial((int)ids[i])) continue;
            if (firstCandidate < 0) firstCandidate = i;
            if (random.NextDouble() >= maskRate) continue;
            Choose(i);
        }
        if (targets.Count == 0 && firstCandidate >= 0) Choose(firstCandidate);
        return (corrupted, selected, targets.ToArray());

        void Choose(int i)
        {
            selected[i] = true;
            targets.Add(ids[i]);
            double r = random.NextDouble();
            if (r < 0.8) corrupted[i] = special.Mask;
            else if (r < 0.9) corrupted[i] = special.FirstOrdinary + random.Next(special.VocabSize - special.FirstOrdinary);
        }
    }
}
