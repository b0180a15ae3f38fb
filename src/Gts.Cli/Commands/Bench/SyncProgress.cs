namespace Gts.Cli.Commands.Bench;

/// <summary>An <see cref="IProgress{T}"/> that calls its handler on the reporting thread (Progress&lt;T&gt; would post to the thread pool
/// and deliver reports out of order).</summary>
internal sealed class SyncProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
