using System.Globalization;
using Gts.Core.Execution;

namespace Gts.Dispatch.Steps;

/// <summary>"flaky": fails retryably until attempt `succeed_on` (default 2), then succeeds; exercises retries.</summary>
public sealed class FlakyStep : IStep
{
    public string Kind => "flaky";

    public Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var succeedOn = int.Parse(StepOutputs.Arg(context, "succeed_on", "2"), CultureInfo.InvariantCulture);
        if (context.Attempt < succeedOn)
            throw new RetryableStepException($"attempt {context.Attempt} fails on purpose (succeeds on attempt {succeedOn})");
        return StepOutputs.TextAsync(context, "out", $"attempt {context.Attempt}", $"succeeded on attempt {context.Attempt}", cancellationToken);
    }
}
