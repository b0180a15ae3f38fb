namespace Gts.Core.Execution;

/// <summary>A failure that may pass on a later attempt (a busy resource, a lost node); the worker exits with
/// <see cref="WorkerExitCodes.Retryable"/> and the dispatcher retries with backoff.</summary>
public sealed class RetryableStepException(string message, Exception? inner = null) : Exception(message, inner);
