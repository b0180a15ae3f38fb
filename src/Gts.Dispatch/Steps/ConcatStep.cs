using Gts.Core.Execution;

namespace Gts.Dispatch.Steps;

/// <summary>"concat": joins its input artifacts (in input-name order, separated by `separator`) into output "out".</summary>
public sealed class ConcatStep : IStep
{
    public string Kind => "concat";

    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parts = new List<string>();
        foreach (var (_, hash) in context.Inputs.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            await using var s = context.Artifacts.OpenRead(hash);
            parts.Add(await new StreamReader(s).ReadToEndAsync(cancellationToken));
        }
        var text = string.Join(StepOutputs.Arg(context, "separator", "\n"), parts);
        return await StepOutputs.TextAsync(context, "out", text, $"joined {parts.Count} inputs", cancellationToken);
    }
}
