using Gts.Factory.Teaching;

namespace Gts.Factory.Pipeline;

/// <summary>What the label step produced: the final teacher, the self-training rounds and the soft labels.</summary>
public sealed record LabelOutcome(TeacherSpec Teacher, IReadOnlyList<SelfTraining.Round> Rounds, IReadOnlyList<SoftLabel> Labels);
