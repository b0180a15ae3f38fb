namespace Gts.Core.Data;

/// <summary>A classification task's data: labelled splits, an optional unlabeled pool and the label set.</summary>
public sealed record Dataset
{
    /// <summary>Short name of the task (usually its folder name).</summary>
    public required string Name { get; init; }

    public required LabelSet Labels { get; init; }

    /// <summary>True for sentence-pair tasks (every example has <see cref="Example.TextB"/>).</summary>
    public bool IsPair { get; init; }

    public IReadOnlyList<Example> Train { get; init; } = [];

    public IReadOnlyList<Example> Dev { get; init; } = [];

    public IReadOnlyList<Example> Test { get; init; } = [];

    /// <summary>Unlabeled pool text for task-adaptive pretraining, generation and self-training.</summary>
    public IReadOnlyList<Example> Unlabeled { get; init; } = [];

    /// <summary>Extra named training splits shipped with a task (FewCLUE's official few-shot splits).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Example>> ExtraSplits { get; init; } =
        new Dictionary<string, IReadOnlyList<Example>>();
}
