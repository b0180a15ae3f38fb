namespace Gts.Core;

/// <summary>The per-user folder gts keeps models, caches and runs in: $GTS_HOME, else ~/.gts.</summary>
public static class GtsHome
{
    /// <summary>Name of the environment variable that moves the folder.</summary>
    public const string Variable = "GTS_HOME";

    /// <summary>The root folder, read from the environment on every call (not created).</summary>
    public static string Root
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable(Variable);
            if (!string.IsNullOrWhiteSpace(fromEnv)) return Path.GetFullPath(fromEnv);
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".gts");
        }
    }

    /// <summary>A path under the root, e.g. <c>Under("models", "minilm")</c>.</summary>
    public static string Under(params string[] parts) => Path.Combine([Root, .. parts]);
}
