using Gts.Core.Errors;
using Gts.Core.Execution;

namespace Gts.Dispatch.Steps;

/// <summary>The step kinds a worker can run, by name. The CLI adds the factory's production steps to the
/// built-in ones (sleep, write, concat, flaky).</summary>
public sealed class StepCatalog
{
    private readonly Dictionary<string, IStep> _steps = new(StringComparer.Ordinal);

    public StepCatalog(IEnumerable<IStep> steps)
    {
        foreach (var s in steps)
            if (!_steps.TryAdd(s.Kind, s)) throw new ArgumentException($"Step kind '{s.Kind}' is registered twice.", nameof(steps));
    }

    public static StepCatalog Builtin(params IStep[] more) => new([new SleepStep(), new WriteStep(), new ConcatStep(), new FlakyStep(), .. more]);

    public IReadOnlyCollection<string> Kinds => _steps.Keys;

    public IStep Get(string kind) =>
        _steps.TryGetValue(kind, out var step) ? step
        : throw new GtsException(ErrorKind.InvalidInput, $"Unknown step kind '{kind}'.", $"Use one of: {string.Join(", ", _steps.Keys.Order(StringComparer.Ordinal))}.");
}
