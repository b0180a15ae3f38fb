using static TorchSharp.torch;

namespace Gts.Neural.Training.Text;

/// <summary>A batch padded to its longest member: int64 ids, attention mask and token types [batch, seq].</summary>
public sealed record PaddedBatch(Tensor Ids, Tensor Mask, Tensor TypeIds, long Tokens)
{
    /// <summary>Pads the selected sequences with <paramref name="padId"/>; tensors belong to the caller's dispose scope.</summary>
    public static PaddedBatch From(IReadOnlyList<TokenSequence> all, IReadOnlyList<int> selected, int padId = 0)
    {
        int length = 0;
        foreach (var i in selected) length = Math.Max(length, all[i].Length);
        var ids = new long[selected.Count * length];
        var mask = new long[ids.Length];
        var types = new long[ids.Length];
        long tokens = 0;
        Array.Fill(ids, padId);
        for (int r = 0; r < selected.Count; r++)
        {
            var s = all[selected[r]];
            for (int j = 0; j < s.Length; j++)
            {
                ids[r * length + j] = s.Ids[j];
                mask[r * length + j] = 1;
                types[r * length + j] = s.TypeIds[j];
            }
            tokens += s.Length;
        }
        long[] shape = [selected.Count, length];
        return new PaddedBatch(tensor(ids, shape), tensor(mask, shape), tensor(types, shape), tokens);
    }
}
