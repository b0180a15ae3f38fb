namespace Gts.Data.Validation;

/// <summary>Something suspicious in otherwise valid data (not an error): what, how many, and a few examples.</summary>
/// <param name="Code">Stable identifier, e.g. "train-test-overlap".</param>
/// <param name="Message">One sentence for the user.</param>
/// <param name="Count">How many records are affected.</param>
/// <param name="Examples">A few affected texts, with their line in the later file.</param>
public sealed record DataWarning(string Code, string Message, int Count, IReadOnlyList<string> Examples);
