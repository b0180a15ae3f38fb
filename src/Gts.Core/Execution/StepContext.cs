using Gts.Core.Store;

namespace Gts.Core.Execution;

/// <summary>What a step sees when it runs: its identity, arguments, resolved inputs (name → artifact hash),
/// the declared output names, the artifact store, a clock and a log.</summary>
public sealed record StepContext(
    string RunId,
    string StepId,
    int Attempt,
    IReadOnlyDictionary<string, string> Args,
    IReadOnlyDictionary<string, string> Inputs,
    IReadOnlyList<string> Outputs,
    IArtifactStore Artifacts,
    TimeProvider Time,
    TextWriter Log);
