namespace Gts.Factory.Recipes;

/// <summary>Data files of a recipe, as absolute paths; only <see cref="Train"/> is required.</summary>
public sealed record RecipeData
{
    public required string Train { get; init; }

    public string? Dev { get; init; }

    public string? Test { get; init; }

    public string? Unlabeled { get; init; }

    /// <summary>Label-set file, one label per line; when absent the labels are inferred from the training data.</summary>
    public string? Labels { get; init; }

    public string? TextColumn { get; init; }

    public string? TextBColumn { get; init; }

    public string? LabelColumn { get; init; }
}
