namespace Gts.Dispatch.Orchestration;

/// <summary>Levels 1–2 as the dispatcher sees them: pure, snapshot in, one decision per pending step out.</summary>
public interface IPlacementPolicy
{
    IReadOnlyList<PlacementDecision> Place(PlacementSnapshot snapshot);
}
