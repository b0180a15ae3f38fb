using System.Diagnostics;
using Gts.Core.Execution;
using Gts.Core.Runs;
using Gts.Core.Store;

namespace Gts.Factory.Benchmarks;

/// <summary>Runs a production plan's steps one after another in this process (no dispatcher, no child processes): each
/// step's "step:output" inputs are resolved from the earlier outcomes, and each step is timed.</summary>
public static class InProcessPipeline
{
    public static async Task<IReadOnlyList<PipelineStepRun>> RunAsync(RunSpec plan, IArtifactStore artifacts, IReadOnlyList<IStep> kinds,
        TextWriter log, string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(kinds);
        var done = new Dictionary<string, PipelineStepRun>(StringComparer.Ordinal);
        foreach (var spec in plan.Steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var inputs = spec.Inputs.ToDictionary(p => p.Key, p =>
            {
                var (step, output) = (p.Value.Split(':')[0], p.Value.Split(':')[1]);
                return done.TryGetValue(step, out var earlier) && earlier.Outcome.Outputs.TryGetValue(output, out var hash)
                    ? hash
                    : throw new InvalidOperationException($"step '{spec.Id}' needs '{p.Value}', which no earlier step produced");
            });
            var kind = kinds.FirstOrDefault(k => k.Kind == spec.Kind)
                ?? throw new InvalidOperationException($"no step implementation of kind '{spec.Kind}' (step '{spec.Id}')");
            var context = new StepContext(runId, spec.Id, 1, spec.Args, inputs, spec.Outputs, artifacts, TimeProvider.System, log);
            var start = Stopwatch.GetTimestamp();
            var outcome = await kind.RunAsync(context, cancellationToken);
            var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            var missing = spec.Outputs.Where(o => !outcome.Outputs.ContainsKey(o)).ToList();
            if (missing.Count > 0)
                throw new InvalidOperationException($"step '{spec.Id}' did not produce {string.Join(", ", missing)}");
            log.WriteLine($"{spec.Id}: {outcome.Message} ({seconds:F1} s)");
            done[spec.Id] = new PipelineStepRun(spec.Id, outcome, seconds);
        }
        return plan.Steps.Select(s => done[s.Id]).ToList();
    }
}
