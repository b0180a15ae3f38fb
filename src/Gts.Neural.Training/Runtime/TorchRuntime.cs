using TorchSharp;

namespace Gts.Neural.Training.Runtime;

/// <summary>Process-wide TorchSharp settings: thread count and global seeding, applied once before training.</summary>
public static class TorchRuntime
{
    private static readonly object Gate = new();

    /// <summary>The libtorch version TorchSharp loaded (forces the native load, so it throws early when the natives are broken).</summary>
    public static string LibTorchVersion => torch.__version__;

    /// <summary>Sets the intra-op thread count. One thread is the default because on a shared 2-core box two OpenMP
    /// threads ran 3x slower than one (shared/notes/torchsharp.md section 2).</summary>
    public static void UseThreads(int threads = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        lock (Gate)
        {
            if (torch.get_num_threads() != threads) torch.set_num_threads(threads);
        }
    }

    /// <summary>Seeds libtorch's global generator (weight init, dropout) so a run is repeatable for a seed.</summary>
    public static void Seed(int seed)
    {
        lock (Gate) torch.manual_seed(seed);
    }
}
