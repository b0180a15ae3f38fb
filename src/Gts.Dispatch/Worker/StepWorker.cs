using Gts.Core.Errors;
using Gts.Core.Execution;
using Gts.Core.Runs;
using Gts.Core.Store;
using Gts.Dispatch.Steps;

namespace Gts.Dispatch.Worker;

/// <summary>What `gts worker step` does: load the step, resolve its inputs to artifact hashes, run its kind,
/// check the declared outputs, and record the result in the metadata store before exiting. The exit code
/// tells the executor the outcome: 0 done, 75 retryable, an ErrorKind code for user errors, 1 for bugs.</summary>
public sealed class StepWorker(IMetadataStore store, IArtifactStore artifacts, StepCatalog catalog, TimeProvider time)
{
    public async Task<int> RunAsync(string runId, string stepId, int? attempt, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        var step = await store.GetStepAsync(runId, stepId, cancellationToken)
            ?? throw new GtsException(ErrorKind.NotFound, $"Run '{runId}' has no step '{stepId}' in the metadata store.",
                "Check --run and --step, and that GTS_HOME / GTS_DATABASE point at the dispatcher's store.");
        var n = attempt ?? Math.Max(1, step.Attempt);
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        int code;
        string? message;
        IReadOnlyDictionary<string, string> outputs = new Dictionary<string, string>();
        try
        {
            foreach (var (name, reference) in step.Inputs)
                inputs[name] = await ResolveAsync(step, name, reference, cancellationToken);
            var context = new StepContext(runId, stepId, n, step.Args, inputs, step.Outputs, artifacts, time, log);
            var outcome = await catalog.Get(step.Kind).RunAsync(context, cancellationToken);
            var missing = step.Outputs.Where(o => !outcome.Outputs.ContainsKey(o)).ToList();
            if (missing.Count > 0)
                throw new InvalidOperationException($"Step kind '{step.Kind}' did not produce declared output(s) {string.Join(", ", missing)}.");
            (code, message, outputs) = (WorkerExitCodes.Ok, outcome.Message, outcome.Outputs);
        }
        catch (RetryableStepException e) { (code, message) = (WorkerExitCodes.Retryable, e.Message); }
        catch (GtsException e) { (code, message) = ((int)e.Kind, e.Describe()); }
        catch (Exception e) when (e is not OperationCanceledException) { (code, message) = (1, $"{e.GetType().Name}: {e.Message}"); }

        await log.WriteLineAsync($"gts worker: {runId}/{stepId} attempt {n} exit {code}: {message}");
        await store.RecordResultAsync(new StepResult(runId, stepId, n, code, time.GetUtcNow())
        {
            Kind = step.Kind, InputHash = StepHash.Of(step.Kind, step.Args, inputs), Outputs = outputs, Message = message,
        }, cancellationToken);
        return code;
    }

    private async Task<string> ResolveAsync(StepRecord step, string name, string reference, CancellationToken ct)
    {
        var parts = reference.Split(':');
        var from = await store.GetStepAsync(step.RunId, parts[0], ct);
        var result = from is null ? null : await store.GetResultAsync(step.RunId, from.StepId, from.Attempt, ct);
        if (result is null || !result.Outputs.TryGetValue(parts[1], out var hash) || !artifacts.Contains(hash))
            throw new GtsException(ErrorKind.NotFound, $"Input '{name}' of step '{step.StepId}' ({reference}) has no stored artifact.",
                $"Run step '{parts[0]}' first; the dispatcher does this when the run is submitted with `gts runs submit`.");
        return hash;
    }
}
