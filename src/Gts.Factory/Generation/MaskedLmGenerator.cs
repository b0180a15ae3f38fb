using System.Text;
using Gts.Core.Data;
using Gts.Neural.Tokenization;
using Gts.Neural.Training.Modules;
using Gts.Neural.Training.Objectives;
using Gts.Neural.Training.Onnx;
using Gts.Neural.Training.Runtime;
using static TorchSharp.torch;

namespace Gts.Factory.Generation;

/// <summary>Contextual replacement with a masked language model (Kobayashi 2018; the MLM augmentation of Ng et al. 2020,
/// "SSMBA"): a share of each labelled text's tokens is masked and each mask is filled by sampling among the model's top
/// candidates, never the original token. The model is an encoder folder whose MLM head was kept (<see cref="HeadFile"/>):
/// the factory's own pretrained backbone, or an encoder after TAPT. Variants are unlabeled: the teacher labels them.</summary>
public static class MaskedLmGenerator
{
    /// <summary>The MLM head's weights (TorchSharp format) beside model.onnx; the decoder is tied to the word embeddings.</summary>
    public const string HeadFile = "mlm-head.bin";

    public static void SaveHead(MaskedLanguageModel model, string directory)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.Head.save(Path.Combine(directory, HeadFile));
    }

    /// <summary>Whether <paramref name="directory"/> holds an encoder with its MLM head.</summary>
    public static bool CanGenerate(string directory) =>
        File.Exists(Path.Combine(directory, HeadFile)) && File.Exists(Path.Combine(directory, "model.onnx")) && File.Exists(Path.Combine(directory, "vocab.txt"));

    /// <summary>Up to <paramref name="perExample"/> distinct variants of each text (pairs: the first text is edited).</summary>
    public static IReadOnlyList<Example> Generate(string directory, IReadOnlyList<Example> examples, int perExample, int seed,
        double maskRate = 0.15, int topK = 5, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        TorchRuntime.UseThreads(Environment.ProcessorCount);
        var file = OnnxEncoderFile.Open(Path.Combine(directory, "model.onnx"));
        var vocabPath = Path.Combine(directory, "vocab.txt");
        var vocabulary = File.ReadAllLines(vocabPath);
        var tokenization = BertTokenization.Create(vocabPath);
        var special = SpecialTokens.From(tokenization, file.Config.VocabSize);
        using var model = new MaskedLanguageModel(file.CreateEncoder(0.0));
        model.Head.load(Path.Combine(directory, HeadFile));
        model.eval();

        var rng = new Random(seed);
        var seen = new HashSet<string>(examples.Select(e => e.Text), StringComparer.Ordinal);
        var result = new List<Example>();
        using var _ = no_grad();
        foreach (var e in examples)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ids = tokenization.Encode(e.Text);
            var ordinary = Enumerable.Range(0, ids.Length).Where(i => !special.IsSpecial(ids[i])).ToArray();
            if (ordinary.Length < 3) continue;
            int masks = Math.Max(1, (int)Math.Round(maskRate * ordinary.Length));
            using var scope = NewDisposeScope();
            // One row per variant, each with its own masked positions, in one forward pass.
            var positions = Enumerable.Range(0, perExample).Select(_ => ordinary.OrderBy(_ => rng.Next()).Take(masks).Order().ToArray()).ToArray();
            var input = new long[perExample * ids.Length];
            var selected = new bool[perExample * ids.Length];
            for (int v = 0; v < perExample; v++)
                for (int i = 0; i < ids.Length; i++)
                {
                    bool masked = positions[v].Contains(i);
                    input[v * ids.Length + i] = masked ? special.Mask : ids[i];
                    selected[v * ids.Length + i] = masked;
                }
            var shape = new long[] { perExample, ids.Length };
            using var logits = model.forward(tensor(input).reshape(shape), ones(shape, ScalarType.Int64), tensor(selected).reshape(shape));
            var scores = logits.to_type(ScalarType.Float32).data<float>().ToArray();
            int vocab = (int)logits.shape[1], row = 0;
            for (int v = 0; v < perExample; v++)
            {
                var filled = ids.ToArray();
                foreach (var at in positions[v]) filled[at] = Sample(scores.AsSpan(row++ * vocab, vocab), ids[at], special, topK, rng);
                var text = Decode(filled, vocabulary, special);
                if (text.Length > 0 && seen.Add(text)) result.Add(new Example(text, e.TextB, Example.Unlabeled));
            }
        }
        return result;
    }

    // Samples among the topK highest-scoring ordinary tokens other than the original, in proportion to their softmax weight.
    private static int Sample(ReadOnlySpan<float> scores, int original, SpecialTokens special, int topK, Random rng)
    {
        var best = new List<(int Id, float Score)>(topK + 1);
        for (int id = 0; id < scores.Length; id++)
        {
            if (id == original || special.IsSpecial(id) || id < special.FirstOrdinary) continue;
            if (best.Count == topK && scores[id] <= best[^1].Score) continue;
            best.Add((id, scores[id]));
            best.Sort((a, b) => b.Score.CompareTo(a.Score));
            if (best.Count > topK) best.RemoveAt(topK);
        }
        var weights = best.Select(b => Math.Exp(b.Score - best[0].Score)).ToArray();
        double pick = rng.NextDouble() * weights.Sum();
        for (int i = 0; i < best.Count; i++)
            if ((pick -= weights[i]) <= 0) return best[i].Id;
        return best[^1].Id;
    }

    // Word pieces back to text: "##" pieces join the previous piece; CJK characters join each other without spaces.
    private static string Decode(int[] ids, string[] vocabulary, SpecialTokens special)
    {
        var sb = new StringBuilder();
        bool previousCjk = false;
        foreach (var id in ids)
        {
            if (special.IsSpecial(id)) continue;
            var piece = vocabulary[id];
            bool cjk = piece.Length == 1 && Pipeline.StudentVocabulary.CjkShare([piece]) > 0;
            if (piece.StartsWith("##", StringComparison.Ordinal)) sb.Append(piece.AsSpan(2));
            else
            {
                if (sb.Length > 0 && !(cjk && previousCjk) && !IsCjkPunctuation(piece) && !(previousCjk && piece.Length == 1 && char.IsPunctuation(piece[0]))) sb.Append(' ');
                sb.Append(piece);
            }
            previousCjk = cjk || IsCjkPunctuation(piece);
        }
        return sb.ToString();
    }

    private static bool IsCjkPunctuation(string piece) => piece.Length == 1 && piece[0] is >= '\u3000' and <= '\u303F' or >= '\uFF00' and <= '\uFFEF';
}
