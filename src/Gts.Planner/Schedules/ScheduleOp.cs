namespace Gts.Planner.Schedules;

/// <summary>One forward or backward pass of one micro-batch through one model chunk on one pipeline stage.</summary>
public readonly record struct ScheduleOp(int Stage, int MicroBatch, int Chunk, bool Backward, double Start, double End);
