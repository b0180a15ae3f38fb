namespace Gts.Neural.Training.Objectives;

/// <summary>Ids of BERT's special tokens in a vocabulary, and where ordinary tokens start (for random replacement).</summary>
public sealed record SpecialTokens(int Pad, int Unk, int Cls, int Sep, int Mask, int VocabSize, int FirstOrdinary)
{
    /// <summary>The uncased BERT vocabulary of MiniLM / ArcticXs: [PAD]=0, [UNK]=100, [CLS]=101, [SEP]=102, [MASK]=103, ordinary from 999.</summary>
    public static SpecialTokens BertUncased { get; } = new(0, 100, 101, 102, 103, 30522, 999);

    /// <summary>The special tokens of a loaded vocabulary; random replacements are drawn above the highest special id.</summary>
    public static SpecialTokens From(Gts.Neural.Tokenization.BertTokenization tokenization, int vocabSize)
    {
        var t = tokenization.Tokenizer;
        int[] ids = [t.PaddingTokenId, t.UnknownTokenId, t.ClassificationTokenId, t.SeparatorTokenId, t.MaskingTokenId];
        return new SpecialTokens(ids[0], ids[1], ids[2], ids[3], ids[4], vocabSize, ids.Max() + 1);
    }

    public bool IsSpecial(int id) => id == Pad || id == Cls || id == Sep || id == Mask || id == Unk;
}
