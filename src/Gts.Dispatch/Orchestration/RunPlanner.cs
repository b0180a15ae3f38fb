using System.Globalization;
using Gts.Core.Errors;
using Gts.Core.Runs;

namespace Gts.Dispatch.Orchestration;

/// <summary>Turns a submitted run spec into the stored run and step rows: checks the DAG (unique ids, known
/// dependencies, no cycles, inputs that name a declared output of a dependency) and expands each batch step
/// into tasks "id[0]".."id[n-1]" (a dependency on the batch is a dependency on all of its tasks).</summary>
public static class RunPlanner
{
    public static (RunRecord Run, IReadOnlyList<StepRecord> Steps) Plan(string runId, RunSpec spec, DateTimeOffset now, string source = "run")
    {
        ArgumentNullException.ThrowIfNull(spec);
        Validate(spec, source);
        var byId = spec.Steps.ToDictionary(s => s.Id, StringComparer.Ordinal);
        IEnumerable<string> Expand(string id) => byId[id].Tasks == 1 ? [id] : Enumerable.Range(0, byId[id].Tasks).Select(i => TaskId(id, i));

        var steps = new List<StepRecord>();
        foreach (var s in TopologicalOrder(spec))
        {
            var deps = s.DependsOn.Concat(s.Inputs.Values.Select(v => v.Split(':')[0])).Distinct(StringComparer.Ordinal).SelectMany(Expand).ToList();
            for (int i = 0; i < s.Tasks; i++)
            {
                var args = new Dictionary<string, string>(s.Args, StringComparer.Ordinal);
                if (s.Tasks > 1) args["task"] = i.ToString(CultureInfo.InvariantCulture);
                steps.Add(new StepRecord(runId, s.Tasks == 1 ? s.Id : TaskId(s.Id, i), s.Kind, StepState.Waiting)
                {
                    Args = args,
                    DependsOn = deps,
                    Inputs = s.Inputs,
                    Outputs = s.Outputs,
                    Resources = s.Resources,
                    BatchId = s.Tasks > 1 ? s.Id : null,
                    TaskIndex = s.Tasks > 1 ? i : null,
                    MaxAttempts = s.MaxAttempts,
                    Pool = s.Pool,
                    CreatedAt = now.AddTicks(steps.Count), // keeps plan order when rows are read back by time
                });
            }
        }
        var run = new RunRecord(runId, spec.Name, RunState.Running, now) { Tenant = spec.Tenant, Queue = spec.Queue, Priority = spec.Priority };
        return (run, steps);
    }

    public static string TaskId(string batchId, int index) => $"{batchId}[{index}]";

    private static void Validate(RunSpec spec, string source)
    {
        if (spec.Steps.Count == 0) throw Invalid(source, "steps", "the run has no steps", "add at least one step");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in spec.Steps)
        {
            var at = $"steps.{s.Id}";
            if (string.IsNullOrWhiteSpace(s.Id) || s.Id.Any(c => c is '[' or ']' or ':' or '/' || char.IsWhiteSpace(c)))
                throw Invalid(source, at, $"step id '{s.Id}' is empty or contains one of [ ] : / or a space", "use letters, digits, '-', '_' and '.'");
            if (!ids.Add(s.Id)) throw Invalid(source, at, $"step id '{s.Id}' is used twice", "give every step its own id");
            if (string.IsNullOrWhiteSpace(s.Kind)) throw Invalid(source, at + ".kind", $"step '{s.Id}' has no kind", "name the step kind, e.g. \"sleep\"");
            if (s.Tasks < 1) throw Invalid(source, at + ".tasks", $"step '{s.Id}' has {s.Tasks} tasks", "use tasks >= 1");
            if (s.MaxAttempts < 1) throw Invalid(source, at + ".max_attempts", $"step '{s.Id}' allows {s.MaxAttempts} attempts", "use max_attempts >= 1");
            try { s.Resources.Validate(s.Id); }
            catch (ArgumentException e) { throw Invalid(source, at + ".resources", e.Message, "use cpus >= 1, nodes >= 1, gpus and memory >= 0"); }
        }
        var byId = spec.Steps.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var s in spec.Steps)
        {
            foreach (var d in s.DependsOn)
                if (!byId.ContainsKey(d)) throw Invalid(source, $"steps.{s.Id}.depends_on", $"step '{s.Id}' depends on unknown step '{d}'", "name a step of this run");
            foreach (var (name, reference) in s.Inputs)
            {
                var at = $"steps.{s.Id}.inputs.{name}";
                var parts = reference.Split(':');
                if (parts.Length != 2 || !byId.TryGetValue(parts[0], out var from))
                    throw Invalid(source, at, $"input '{name}' of step '{s.Id}' is '{reference}', not 'step:output' of a step of this run", "write it as <step id>:<output name>");
                if (from.Tasks > 1) throw Invalid(source, at, $"input '{name}' of step '{s.Id}' reads from batch step '{from.Id}'", "read the batch's results through a step that gathers them");
                if (!from.Outputs.Contains(parts[1], StringComparer.Ordinal))
                    throw Invalid(source, at, $"step '{from.Id}' declares no output '{parts[1]}'", $"use one of: {string.Join(", ", from.Outputs)}");
            }
        }
        TopologicalOrder(spec, source);
    }

    private static List<StepSpec> TopologicalOrder(RunSpec spec, string source = "run")
    {
        var byId = spec.Steps.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var order = new List<StepSpec>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 visiting, 2 done
        void Visit(StepSpec s, List<string> path)
        {
            if (state.GetValueOrDefault(s.Id) == 2) return;
            if (state.GetValueOrDefault(s.Id) == 1)
                throw Invalid(source, $"steps.{s.Id}.depends_on", $"the steps form a cycle: {string.Join(" -> ", path.Append(s.Id))}", "remove one of these dependencies");
            state[s.Id] = 1;
            path.Add(s.Id);
            foreach (var d in s.DependsOn.Concat(s.Inputs.Values.Select(v => v.Split(':')[0])))
                if (byId.TryGetValue(d, out var dep)) Visit(dep, path);
            path.RemoveAt(path.Count - 1);
            state[s.Id] = 2;
            order.Add(s);
        }
        foreach (var s in spec.Steps) Visit(s, []);
        return order;
    }

    private static GtsException Invalid(string source, string field, string message, string fix) =>
        new(ErrorKind.InvalidInput, message, fix, new SourceLocation(source, 0, field));
}
