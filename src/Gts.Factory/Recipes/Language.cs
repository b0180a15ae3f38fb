namespace Gts.Factory.Recipes;

/// <summary>Language of the task's text; <see cref="Auto"/> decides from the share of CJK characters.</summary>
public enum Language
{
    Auto,
    English,
    Chinese,
}
