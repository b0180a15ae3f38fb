using Gts.Neural.Tokenization;

namespace Gts.Neural.Student;

/// <summary>Turns texts into the student's input rows: word-piece ids followed by hashed bigram ids, padded
/// with id 0 and a 0/1 mask. Training and inference share this code, so they see the same features.</summary>
public sealed class StudentFeaturizer
{
    private readonly BertTokenization _tokenizer;
    private readonly StudentConfig _config;

    public StudentFeaturizer(BertTokenization tokenizer, StudentConfig config)
    {
        _tokenizer = tokenizer;
        _config = config;
    }

    /// <summary>The ids of one text: up to MaxTokens word pieces, then one bucket per adjacent pair.</summary>
    public int[] Ids(string text)
    {
        var pieces = _tokenizer.EncodeWordPieces(text);
        int n = Math.Min(pieces.Count, _config.MaxTokens);
        var ids = new int[n + Math.Max(0, n - 1)];
        for (int i = 0; i < n; i++) ids[i] = pieces[i];
        for (int i = 0; i + 1 < n; i++) ids[n + i] = _config.VocabSize + Bucket(pieces[i], pieces[i + 1], _config.BigramBuckets);
        return ids;
    }

    /// <summary>Bigram bucket: a multiplicative hash of the ordered pair (Knuth's 2654435761), stable across runs.</summary>
    public static int Bucket(int first, int second, int buckets)
    {
        unchecked
        {
            uint h = (uint)first * 2654435761u ^ ((uint)second + 0x9E3779B9u) * 40503u;
            h ^= h >> 15;
            return (int)(h % (uint)buckets);
        }
    }

    /// <summary>Pads a batch of id rows into a [rows, width] id matrix and mask (row-major), width = longest row (at least 1).</summary>
    public static (long[] Ids, float[] Mask, int Width) Pad(IReadOnlyList<int[]> rows)
    {
        int width = 1;
        foreach (var r in rows) width = Math.Max(width, r.Length);
        var ids = new long[rows.Count * width];
        var mask = new float[rows.Count * width];
        for (int i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            for (int j = 0; j < r.Length; j++)
            {
                ids[i * width + j] = r[j];
                mask[i * width + j] = 1f;
            }
        }
        return (ids, mask, width);
    }
}
