namespace Gts.Core.Errors;

/// <summary>Where in a user's file a problem is: path, 1-based line (0 = whole file) and field name.</summary>
public sealed record SourceLocation(string File, int Line = 0, string? Field = null)
{
    public override string ToString()
    {
        var s = File;
        if (Line > 0) s += $":{Line}";
        if (Field is not null) s += $" field '{Field}'";
        return s;
    }
}
