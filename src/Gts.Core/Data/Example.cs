namespace Gts.Core.Data;

/// <summary>One text (or text pair) with its label index; <see cref="Unlabeled"/> marks pool text.</summary>
/// <param name="Text">The text, or the first sentence of a pair.</param>
/// <param name="TextB">The second sentence of a sentence-pair task; null for single-text tasks.</param>
/// <param name="Label">Index into the task's <see cref="LabelSet"/>, or <see cref="Unlabeled"/>.</param>
/// <param name="Line">1-based line (record) number in the source file, for error messages; 0 when made in memory.</param>
public sealed record Example(string Text, string? TextB, int Label, int Line = 0)
{
    /// <summary>Label value of an example that has no label (pool text).</summary>
    public const int Unlabeled = -1;

    /// <summary>True when the example carries a label.</summary>
    public bool IsLabeled => Label >= 0;

    /// <summary>The example's texts: the one text, or both sides of a pair.</summary>
    public IEnumerable<string> Sides() => TextB is null ? [Text] : [Text, TextB];

    /// <summary>An unlabeled single text.</summary>
    public static Example Pool(string text, int line = 0) => new(text, null, Unlabeled, line);
}
