namespace Gts.Core.Execution;

/// <summary>One process to run: its key (unique within the executor), its command line, and the devices the
/// scheduler assigned (null lets the executor or the cluster choose).</summary>
public sealed record LaunchTask(string Key, IReadOnlyList<string> Command, DeviceAssignment? Devices = null);
