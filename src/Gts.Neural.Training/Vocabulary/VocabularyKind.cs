namespace Gts.Neural.Training.Vocabulary;

/// <summary>How a from-scratch vocabulary is cut.</summary>
public enum VocabularyKind
{
    /// <summary>One token per character (Chinese: the BERT tokenizer already splits every CJK character into its own word).</summary>
    Characters,

    /// <summary>WordPiece sub-words learned by frequency-driven merges with the ## continuation prefix.</summary>
    WordPiece,
}
