namespace Gts.Neural.Training.Objectives;

/// <summary>Ids of BERT's special tokens in a vocabulary, and where ordinary tokens start (for random replacement).</summary>
public sealed record SpecialTokens(int Pad, int Unk, int Cls, int Sep, int Mask, int VocabSize, int FirstOrdinary)
{
    /// <summary>The uncased BERT vocabulary of MiniLM / ArcticXs: [PAD]=0, [UNK]=100, [CLS]=101, [SEP]=102, [MASK]=103, ordinary from 999.</summary>
    public static SpecialTokens BertUncased { get; } = new(0, 100, 101, 102, 103, 30522, 999);

    public bool IsSpecial(int id) => id == Pad || id == Cls || id == Sep || id == Mask || id == Unk;
}
