namespace Gts.Core.Execution;

/// <summary>The code behind a step kind: reads its declared inputs from the artifact store, writes its
/// declared outputs there and returns their hashes. Throw <see cref="RetryableStepException"/> for failures
/// that may pass on a later attempt.</summary>
public interface IStep
{
    /// <summary>The kind name plans use, e.g. "distill".</summary>
    string Kind { get; }

    Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken);
}
