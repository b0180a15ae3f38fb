using Gts.Core.Compute;

namespace Gts.Core.Execution;

/// <summary>One process to run: its key (unique within the executor), its command line, and where the
/// scheduler placed it (null lets the executor or the cluster choose).</summary>
public sealed record LaunchTask(string Key, IReadOnlyList<string> Command, Placement? Placement = null);
