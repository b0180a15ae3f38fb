namespace Gts.Core.Errors;

/// <summary>Kinds of user-facing failure; the CLI maps each to its own exit code.</summary>
public enum ErrorKind
{
    /// <summary>Wrong command line: unknown option, missing argument (exit 2).</summary>
    Usage = 2,

    /// <summary>A data file, recipe or request is malformed or violates a rule (exit 3).</summary>
    InvalidInput = 3,

    /// <summary>A file, model, run or dataset that was named does not exist (exit 4).</summary>
    NotFound = 4,

    /// <summary>The work cannot fit: too little memory, no placement possible, too few examples (exit 5).</summary>
    Infeasible = 5,

    /// <summary>An external system (database, Slurm, executor) failed or refused (exit 6).</summary>
    External = 6,
}
