using System.Text.Json;
using Gts.Core.Data;
using Gts.Factory.Pipeline;

namespace Gts.Factory.Teaching;

/// <summary>What defines a teacher: its encoders (and whether a TF-IDF member joins them), the labelled examples it is fitted on (gold plus accepted
/// pseudo-labels) and its calibration temperature. Fitting is deterministic, so the spec is the stored artifact.</summary>
public sealed record TeacherSpec(IReadOnlyList<string> Encoders, IReadOnlyList<Example> Labelled, int Classes, double Temperature = 1.0)
{
    /// <summary>Adds a TF-IDF + logistic-regression member fitted on the labelled texts (character 1–3-grams for Chinese).</summary>
    public bool Tfidf { get; init; }

    /// <summary>Indices of the members used (encoders in order, then TF-IDF), as <see cref="Teacher.SelectMembers"/> chose them
    /// on dev; null = all.</summary>
    public IReadOnlyList<int>? Members { get; init; }

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, ArtifactJson.Options);

    public static TeacherSpec FromJson(Stream json) =>
        JsonSerializer.Deserialize<TeacherSpec>(json, ArtifactJson.Options) ?? throw new InvalidDataException("empty teacher artifact");
}
