namespace Gts.Core.Compute;

/// <summary>A leaf (top-of-rack) switch and the nodes under it; traffic between switches is the slow path.</summary>
public sealed record NetworkSwitch(string Name, IReadOnlyList<ComputeNode> Nodes);
