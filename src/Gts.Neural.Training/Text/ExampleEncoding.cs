using Gts.Core.Data;
using Gts.Neural.Tokenization;

namespace Gts.Neural.Training.Text;

/// <summary>Examples to encoder inputs with the reference tokenization: single texts as [CLS] a [SEP], pairs as
/// [CLS] a [SEP] b [SEP] with b in segment 1, both within the tokenization's maximum length.</summary>
public static class ExampleEncoding
{
    public static TokenSequence Encode(BertTokenization tokenization, Example example) =>
        example.TextB is null
            ? TokenSequence.Single(tokenization.Encode(example.Text))
            : TokenSequence.Pair(tokenization.Encode(example.Text), tokenization.Encode(example.TextB), tokenization.MaxLength);

    public static TokenSequence[] EncodeAll(BertTokenization tokenization, IReadOnlyList<Example> examples) =>
        examples.Select(e => Encode(tokenization, e)).ToArray();
}
