namespace Gts.Core.Execution;

/// <summary>Exit codes of `gts worker step` that the dispatcher interprets.</summary>
public static class WorkerExitCodes
{
    public const int Ok = 0;

    /// <summary>EX_TEMPFAIL from sysexits.h: try again later.</summary>
    public const int Retryable = 75;
}
