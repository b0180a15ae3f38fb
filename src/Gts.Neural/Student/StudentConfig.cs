using System.Text.Json;
using Gts.Core.Errors;

namespace Gts.Neural.Student;

/// <summary>Shape of a student: a bag of word pieces and hashed word-piece bigrams, mean-pooled, then a
/// one-hidden-layer classifier. Rows of the embedding table: [0, VocabSize) word pieces,
/// [VocabSize, VocabSize + BigramBuckets) bigram buckets.</summary>
public sealed record StudentConfig
{
    public required int VocabSize { get; init; }

    public int BigramBuckets { get; init; } = 16384;

    public int Dim { get; init; } = 48;

    public int Hidden { get; init; } = 128;

    public required int Classes { get; init; }

    /// <summary>True for sentence-pair tasks: both sides are pooled and combined as [u, v, |u−v|, u·v].</summary>
    public bool Pair { get; init; }

    /// <summary>Word pieces kept per text (longer texts are cut).</summary>
    public int MaxTokens { get; init; } = 96;

    public bool LowerCase { get; init; } = true;

    public int Rows => VocabSize + BigramBuckets;

    /// <summary>Parameter count (float32 each), which decides the file size.</summary>
    public long Parameters => (long)Rows * Dim + (long)FeatureDim * Hidden + Hidden + (long)Hidden * Classes + Classes;

    public int FeatureDim => Pair ? 4 * Dim : Dim;

    public const string FileName = "student.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public void Save(string directory) => File.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(this, Json));

    public static StudentConfig Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
            throw new GtsException(ErrorKind.NotFound, $"no student model in '{directory}' ({FileName} is missing)",
                "pass the model directory that `gts produce` wrote (it holds model.onnx, student.json, vocab.txt, labels.txt)", new SourceLocation(path));
        try
        {
            return JsonSerializer.Deserialize<StudentConfig>(File.ReadAllText(path), Json)
                ?? throw new JsonException("empty document");
        }
        catch (JsonException e)
        {
            throw new GtsException(ErrorKind.InvalidInput, $"unreadable student config: {e.Message}", "re-export the model with `gts produce`", new SourceLocation(path));
        }
    }
}
