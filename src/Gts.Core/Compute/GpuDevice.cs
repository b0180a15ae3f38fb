namespace Gts.Core.Compute;

/// <summary>One GPU of a node: its index on the node (as in CUDA_VISIBLE_DEVICES), model, memory and the
/// interconnect group (NVLink/NVSwitch island) it shares with its fastest peers.</summary>
public sealed record GpuDevice(int Index, string Type, long MemoryMib, int InterconnectGroup = 0);
