namespace Gts.Testing;

/// <summary>Marks a test class that needs an external service (PostgreSQL, Slurm) found through an
/// environment variable. Without it the class's <see cref="ServiceFactAttribute"/> tests are skipped with
/// the reason, except under CI (GTS_CI=1), where they run and fail: CI must provide the service.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RequiresServiceAttribute(string variable, string service) : Attribute
{
    public string Variable { get; } = variable;
    public string Service { get; } = service;

    public static bool InCi => Environment.GetEnvironmentVariable("GTS_CI") == "1";

    /// <summary>The variable's value; a failure that explains itself when it is missing.</summary>
    public static string Require(string variable, string service) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{service} is required but {variable} is not set" + (InCi ? " (GTS_CI=1: .ci/run must start it and export the variable)." : "."));
}
