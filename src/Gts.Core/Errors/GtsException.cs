namespace Gts.Core.Errors;

/// <summary>A failure caused by the user's input or environment, with the place it happened and what to do about it.</summary>
public class GtsException : Exception
{
    public GtsException(ErrorKind kind, string message, string? fix = null, SourceLocation? location = null, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        Fix = fix;
        Location = location;
    }

    public ErrorKind Kind { get; }

    /// <summary>What the user should do, in one sentence; null when nothing useful can be said.</summary>
    public string? Fix { get; }

    /// <summary>File, line and field the failure refers to, when it refers to one.</summary>
    public SourceLocation? Location { get; }

    /// <summary>The full message a user sees: place, problem and fix on one line each.</summary>
    public string Describe()
    {
        var place = Location is null ? "" : Location + ": ";
        return Fix is null ? place + Message : $"{place}{Message}{Environment.NewLine}  fix: {Fix}";
    }
}
