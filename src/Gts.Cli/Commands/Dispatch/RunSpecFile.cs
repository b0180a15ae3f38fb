using System.Text.Json;
using System.Text.Json.Serialization;
using Gts.Core.Errors;
using Gts.Core.Runs;

namespace Gts.Cli.Commands.Dispatch;

/// <summary>Reads a run spec from JSON: {"name", "tenant", "queue", "priority", "steps": [{"id", "kind",
/// "args", "depends_on", "inputs", "outputs", "resources": {"cpus", "memory_mb", "gpus", "nodes",
/// "time_limit_s"}, "tasks", "max_attempts", "pool"}]}. Errors name the file, line and field.</summary>
internal static class RunSpecFile
{
    private sealed record ResourcesDto(int Cpus = 1, int MemoryMb = 0, int Gpus = 0, int Nodes = 1, double? TimeLimitS = null);

    private sealed record StepDto(string? Id, string? Kind, Dictionary<string, string>? Args, List<string>? DependsOn,
        Dictionary<string, string>? Inputs, List<string>? Outputs, ResourcesDto? Resources, int Tasks = 1, int MaxAttempts = 3, string? Pool = null);

    private sealed record RunDto(string? Name, List<StepDto>? Steps, string Tenant = "default", string Queue = "default", int Priority = 0);

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static RunSpec Read(string path)
    {
        if (!File.Exists(path))
            throw new GtsException(ErrorKind.NotFound, $"Run spec '{path}' does not exist.", "Give the path of a JSON run spec.");
        RunDto? dto;
        try { dto = JsonSerializer.Deserialize<RunDto>(File.ReadAllText(path), Options); }
        catch (JsonException e)
        {
            throw new GtsException(ErrorKind.InvalidInput, $"Run spec is not valid: {e.Message.Split(" Path:")[0]}",
                "Fix the JSON at that place; fields are name, tenant, queue, priority and steps.",
                new SourceLocation(path, (int)(e.LineNumber ?? -1) + 1, e.Path));
        }
        if (dto?.Steps is null || dto.Steps.Count == 0)
            throw new GtsException(ErrorKind.InvalidInput, "The run spec has no steps.", "Add a \"steps\" list.", new SourceLocation(path, 0, "steps"));
        var steps = dto.Steps.Select((s, i) =>
        {
            if (string.IsNullOrWhiteSpace(s.Id) || string.IsNullOrWhiteSpace(s.Kind))
                throw new GtsException(ErrorKind.InvalidInput, $"Step {i + 1} has no id or no kind.", "Give every step an \"id\" and a \"kind\".",
                    new SourceLocation(path, 0, $"steps[{i}]"));
            var r = s.Resources ?? new ResourcesDto();
            return new StepSpec(s.Id, s.Kind)
            {
                Args = s.Args ?? [],
                DependsOn = s.DependsOn ?? [],
                Inputs = s.Inputs ?? [],
                Outputs = s.Outputs ?? [],
                Resources = new StepResources(r.Cpus, r.MemoryMb, r.Gpus, r.Nodes, r.TimeLimitS is { } t ? TimeSpan.FromSeconds(t) : null),
                Tasks = s.Tasks,
                MaxAttempts = s.MaxAttempts,
                Pool = s.Pool,
            };
        }).ToList();
        return new RunSpec(dto.Name ?? Path.GetFileNameWithoutExtension(path), steps) { Tenant = dto.Tenant, Queue = dto.Queue, Priority = dto.Priority };
    }
}
