using Gts.Core.Compute;

namespace Gts.Dispatch.Orchestration;

/// <summary>The policy's answer for one pending step: a placement, or none with a reason; NeverSchedulable
/// when no pool could ever hold it (the step fails instead of waiting for ever).</summary>
public sealed record PlacementDecision(string Key, Placement? Placement, bool NeverSchedulable = false, string? Reason = null);
