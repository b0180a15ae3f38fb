using System.Text.Json;
using Gts.Core.Data;

namespace Gts.Factory.Pipeline;

/// <summary>The validated data of one production run, as the prepare step stores it: label names, the
/// labelled splits and the pool. Later steps read this artifact instead of the user's files.</summary>
public sealed record TaskData(
    string Name,
    IReadOnlyList<string> LabelNames,
    bool IsPair,
    IReadOnlyList<Example> Train,
    IReadOnlyList<Example> Dev,
    IReadOnlyList<Example> Test,
    IReadOnlyList<Example> Pool)
{
    public LabelSet Labels => new(LabelNames);

    public int Classes => LabelNames.Count;

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, ArtifactJson.Options);

    public static TaskData FromJson(Stream json) =>
        JsonSerializer.Deserialize<TaskData>(json, ArtifactJson.Options) ?? throw new InvalidDataException("empty task data artifact");
}
