namespace Gts.Core.Execution;

/// <summary>A pool's nodes as its executor reports them.</summary>
public sealed record ExecutorInventory(string Pool, string Kind, IReadOnlyList<ExecutorNode> Nodes);
