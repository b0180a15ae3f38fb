using Gts.Neural.Tokenization;

namespace Gts.Neural.Training.Tests;

/// <summary>Real sentences tokenized with the reference tokenizer and padded into one batch, as flat int64 arrays.</summary>
internal sealed record TokenBatch(long[] Ids, long[] Mask, int Batch, int Length)
{
    public static readonly string[] Sentences =
    [
        "a gripping, beautifully acted drama that never lets up.",
        "The battery died after two days and support never answered my e-mails.",
        "What is the capital of Australia?",
        "Stocks rallied on Wall Street after the Fed held rates steady ($1,299.99 gold).",
        "ok",
        "Café owners in Zürich say the new rules — announced Tuesday — will cost them 10% of revenue.",
    ];

    public static TokenBatch From(BertTokenization tokenization, IReadOnlyList<string> texts)
    {
        var rows = texts.Select(tokenization.Encode).ToArray();
        int length = rows.Max(r => r.Length);
        var ids = new long[rows.Length * length];
        var mask = new long[rows.Length * length];
        for (int i = 0; i < rows.Length; i++)
            for (int j = 0; j < rows[i].Length; j++) { ids[i * length + j] = rows[i][j]; mask[i * length + j] = 1; }
        return new TokenBatch(ids, mask, rows.Length, length);
    }
}
