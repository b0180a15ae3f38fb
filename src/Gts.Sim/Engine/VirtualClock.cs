namespace Gts.Sim.Engine;

/// <summary>A <see cref="TimeProvider"/> whose time only moves when the simulator sets it.</summary>
public sealed class VirtualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public DateTimeOffset Start { get; } = start;

    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>Moves to <paramref name="secondsSinceStart"/>; time never goes back.</summary>
    public void MoveTo(double secondsSinceStart)
    {
        var next = Start.AddSeconds(secondsSinceStart);
        if (next < _now) throw new InvalidOperationException($"virtual time cannot go back from {_now:O} to {next:O}");
        _now = next;
    }
}
