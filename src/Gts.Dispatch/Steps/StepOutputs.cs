using System.Text;
using Gts.Core.Execution;

namespace Gts.Dispatch.Steps;

/// <summary>Writing a step's text output to the artifact store when the plan declared it.</summary>
internal static class StepOutputs
{
    public static async Task<StepOutcome> TextAsync(StepContext context, string name, string text, string message, CancellationToken ct)
    {
        if (!context.Outputs.Contains(name, StringComparer.Ordinal)) return new StepOutcome(new Dictionary<string, string>(), message);
        var hash = await context.Artifacts.PutAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), ct);
        return new StepOutcome(new Dictionary<string, string> { [name] = hash }, message);
    }

    public static string Arg(StepContext context, string name, string fallback) =>
        context.Args.TryGetValue(name, out var v) ? v : fallback;
}
