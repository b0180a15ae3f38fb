namespace Gts.Factory.Recipes;

/// <summary>A production recipe: what to build a classifier from, and how much time it may take.
/// Every field but the training data has a default that works without tuning.</summary>
public sealed record Recipe
{
    /// <summary>Name of the produced model (defaults to the recipe file's name).</summary>
    public required string Name { get; init; }

    public TaskKind Task { get; init; } = TaskKind.SingleText;

    public Language Language { get; init; } = Language.Auto;

    public required RecipeData Data { get; init; }

    /// <summary>Wall-clock budget for the whole run; steps that do not fit are shortened or skipped.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromMinutes(10);

    public int Seed { get; init; }

    public StepSettings Steps { get; init; } = new();

    /// <summary>Directory the exported model is written to (absolute after loading).</summary>
    public required string Output { get; init; }
}
