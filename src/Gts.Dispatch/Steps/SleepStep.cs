using System.Globalization;
using Gts.Core.Errors;
using Gts.Core.Execution;

namespace Gts.Dispatch.Steps;

/// <summary>"sleep": waits `seconds` on the step's clock; the stand-in job of the trace benchmarks and tests.
/// Writes "slept N s" to output "out" when declared.</summary>
public sealed class SleepStep : IStep
{
    public string Kind => "sleep";

    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = StepOutputs.Arg(context, "seconds", "1");
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < 0)
            throw new GtsException(ErrorKind.InvalidInput, $"Step '{context.StepId}': seconds is '{text}'.", "Give a number of seconds >= 0.",
                new Gts.Core.Errors.SourceLocation($"run {context.RunId}", 0, $"steps.{context.StepId}.args.seconds"));
        await context.Log.WriteLineAsync($"sleeping {seconds.ToString(CultureInfo.InvariantCulture)} s");
        await Task.Delay(TimeSpan.FromSeconds(seconds), context.Time, cancellationToken);
        return await StepOutputs.TextAsync(context, "out", $"slept {seconds.ToString(CultureInfo.InvariantCulture)} s", $"slept {seconds.ToString(CultureInfo.InvariantCulture)} s", cancellationToken);
    }
}
