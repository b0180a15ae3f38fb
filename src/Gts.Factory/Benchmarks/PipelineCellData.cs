using Gts.Core.Data;

namespace Gts.Factory.Benchmarks;

/// <summary>The data one pipeline cell runs on: the few gold labels, a small labelled dev sample (where it came from is in
/// <see cref="DevSource"/>), the full test set and the unlabeled pool.</summary>
public sealed record PipelineCellData(
    IReadOnlyList<Example> Train,
    IReadOnlyList<Example> Dev,
    IReadOnlyList<Example> Test,
    IReadOnlyList<Example> Pool,
    string DevSource);
