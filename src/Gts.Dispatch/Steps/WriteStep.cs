using Gts.Core.Execution;

namespace Gts.Dispatch.Steps;

/// <summary>"write": stores the argument `text` as output "out".</summary>
public sealed class WriteStep : IStep
{
    public string Kind => "write";

    public Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = StepOutputs.Arg(context, "text", "");
        return StepOutputs.TextAsync(context, "out", text, $"wrote {text.Length} chars", cancellationToken);
    }
}
