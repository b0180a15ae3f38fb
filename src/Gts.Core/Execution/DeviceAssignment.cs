namespace Gts.Core.Execution;

/// <summary>The node and GPU indices a task was placed on; executors expose the GPUs as CUDA_VISIBLE_DEVICES.</summary>
public sealed record DeviceAssignment(string Node, IReadOnlyList<int> Gpus)
{
    public override string ToString() => Gpus.Count == 0 ? $"node={Node}" : $"node={Node} gpus={string.Join(',', Gpus)}";
}
