using Gts.Core.Execution;

namespace Gts.Factory.Steps;

/// <summary>Every production step kind, for the worker's step catalog.</summary>
public static class FactorySteps
{
    public static IReadOnlyList<IStep> All { get; } =
        [new PrepareStep(), new PretrainStep(), new TaptStep(), new TeachStep(), new GenerateStep(), new LabelStep(), new DistillStep(), new EvaluateStep(), new ExportStep()];
}
