using Gts.Core.Execution;
using Gts.Core.Runs;
using Gts.Core.Store;

namespace Gts.Factory.Tests.Pipeline;

/// <summary>Runs a plan's steps in order in this process (no dispatcher), resolving "step:output" inputs,
/// so that the factory's steps can be tested on their own.</summary>
internal static class InProcessRun
{
    public static async Task<Dictionary<string, StepOutcome>> RunAsync(RunSpec run, IArtifactStore artifacts, IReadOnlyList<IStep> kinds, TextWriter log)
    {
        var done = new Dictionary<string, StepOutcome>(StringComparer.Ordinal);
        foreach (var spec in run.Steps)
        {
            var inputs = spec.Inputs.ToDictionary(p => p.Key, p =>
            {
                var parts = p.Value.Split(':');
                return done[parts[0]].Outputs[parts[1]];
            });
            var context = new StepContext("test-run", spec.Id, 1, spec.Args, inputs, spec.Outputs, artifacts, TimeProvider.System, log);
            var outcome = await kinds.Single(k => k.Kind == spec.Kind).RunAsync(context, CancellationToken.None);
            Assert.All(spec.Outputs, o => Assert.True(outcome.Outputs.ContainsKey(o), $"step {spec.Id} did not produce {o}"));
            log.WriteLine($"{spec.Id}: {outcome.Message}");
            done[spec.Id] = outcome;
        }
        return done;
    }
}
