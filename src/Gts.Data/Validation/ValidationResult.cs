using Gts.Core.Data;
using Gts.Core.Errors;

namespace Gts.Data.Validation;

/// <summary>The outcome of validating a data-set folder: the first error of each bad file, warnings, and the
/// data set when it loaded.</summary>
public sealed record ValidationResult(IReadOnlyList<GtsException> Errors, IReadOnlyList<DataWarning> Warnings, Dataset? Dataset)
{
    public bool IsValid => Errors.Count == 0;
}
