using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Gts.Core.Errors;
using Microsoft.ML.Tokenizers;

namespace Gts.Neural.Tokenization;

/// <summary>The reference BERT tokenization (basic tokenizer + WordPiece) on Microsoft.ML.Tokenizers, truncated to a maximum
/// length including [CLS] and [SEP]. Configuration and its measured agreement: shared/notes/pretrained-encoders.md section 3.</summary>
public sealed class BertTokenization
{
    /// <summary>Default maximum sequence length including [CLS] and [SEP] (note section 2).</summary>
    public const int DefaultMaxLength = 128;

    // Reference punctuation: Unicode P* plus every ASCII non-alphanumeric (the default \w+|\p{P} drops $ + < = > ^ | ~ `).
    private const string Punctuation = @"\p{P}\x21-\x2F\x3A-\x40\x5B-\x60\x7B-\x7E";

    private static readonly Regex PreTokenizerPattern = new($@"[^\s{Punctuation}]+|[{Punctuation}]", RegexOptions.Compiled);

    private BertTokenization(BertTokenizer tokenizer, int maxLength)
    {
        Tokenizer = tokenizer;
        MaxLength = maxLength;
    }

    /// <summary>The configured Microsoft.ML.Tokenizers tokenizer (feed it <see cref="PreClean"/>ed text).</summary>
    public BertTokenizer Tokenizer { get; }

    /// <summary>Maximum ids per text including [CLS] and [SEP].</summary>
    public int MaxLength { get; }

    public int ClsId => Tokenizer.ClassificationTokenId;

    public int SepId => Tokenizer.SeparatorTokenId;

    public int PadId => Tokenizer.PaddingTokenId;

    /// <summary>Loads a WordPiece vocabulary (one piece per line) and configures the tokenizer as the reference.</summary>
    public static BertTokenization Create(string vocabPath, bool lowerCase = true, int maxLength = DefaultMaxLength)
    {
        ArgumentNullException.ThrowIfNull(vocabPath);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (!File.Exists(vocabPath))
            throw new GtsException(ErrorKind.NotFound, $"vocabulary file not found: {vocabPath}", "give the vocab.txt that belongs to the ONNX model",
                new SourceLocation(vocabPath));
        var tokenizer = BertTokenizer.Create(vocabPath, new BertOptions
        {
            LowerCaseBeforeTokenization = lowerCase,
            ApplyBasicTokenization = true,
            SplitOnSpecialTokens = true,
            IndividuallyTokenizeCjk = true,
            RemoveNonSpacingMarks = lowerCase, // BERT strips accents exactly when it lower-cases
            PreTokenizer = new RegexPreTokenizer(PreTokenizerPattern, null),
        });
        return new BertTokenization(tokenizer, maxLength);
    }

    /// <summary>Ids of one text: [CLS] + the first MaxLength - 2 word pieces + [SEP].</summary>
    public int[] Encode(string text)
    {
        var pieces = EncodeWordPieces(text);
        int n = Math.Min(pieces.Count, MaxLength - 2);
        var ids = new int[n + 2];
        ids[0] = ClsId;
        for (int i = 0; i < n; i++) ids[i + 1] = pieces[i];
        ids[n + 1] = SepId;
        return ids;
    }

    /// <summary>Word-piece ids of one text without special tokens and without truncation.</summary>
    public IReadOnlyList<int> EncodeWordPieces(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Tokenizer.EncodeToIds(PreClean(text), addSpecialTokens: false);
    }

    /// <summary>What the reference does before splitting and Microsoft.ML.Tokenizers does not: tab, CR and LF are whitespace
    /// (its normaliser deletes them and glues words), format characters such as U+200B are deleted (it splits on them).</summary>
    public static string PreClean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? sb = null;
        for (int i = 0; i < text.Length; i++)
        {
            char ch = text[i];
            bool isBreak = ch is '\t' or '\n' or '\r';
            bool isFormat = !isBreak && CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.Format;
            if (sb is null)
            {
                if (!isBreak && !isFormat) continue;
                sb = new StringBuilder(text.Length).Append(text, 0, i);
            }
            if (isBreak) sb.Append(' ');
            else if (!isFormat) sb.Append(ch);
        }
        return sb?.ToString() ?? text;
    }
}
