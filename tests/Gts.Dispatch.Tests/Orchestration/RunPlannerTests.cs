using Gts.Core.Errors;
using Gts.Core.Runs;
using Gts.Dispatch.Orchestration;

namespace Gts.Dispatch.Tests.Orchestration;

public sealed class RunPlannerTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UnixEpoch;

    [Fact]
    public void A_batch_step_becomes_one_task_per_index_and_dependents_wait_for_all_of_them()
    {
        var spec = new RunSpec("r", [new StepSpec("prep", "write") { Outputs = ["out"] }, new StepSpec("b", "sleep") { Tasks = 3, DependsOn = ["prep"] }, new StepSpec("end", "sleep") { DependsOn = ["b"] }]);

        var (run, steps) = RunPlanner.Plan("r1", spec, T0);

        Assert.Equal(RunState.Running, run.State);
        Assert.Equal(["prep", "b[0]", "b[1]", "b[2]", "end"], steps.Select(s => s.StepId));
        Assert.Equal(["b[0]", "b[1]", "b[2]"], steps[^1].DependsOn);
        Assert.Equal("2", steps[3].Args["task"]);
        Assert.All(steps.Skip(1).Take(3), s => Assert.Equal(("b", StepState.Waiting), (s.BatchId!, s.State)));
    }

    [Fact]
    public void An_input_counts_as_a_dependency()
    {
        var spec = new RunSpec("r", [new StepSpec("b", "concat") { Inputs = new Dictionary<string, string> { ["x"] = "a:out" } }, new StepSpec("a", "write") { Outputs = ["out"] }]);
        var (_, steps) = RunPlanner.Plan("r1", spec, T0);
        Assert.Equal(["a", "b"], steps.Select(s => s.StepId));
        Assert.Equal(["a"], steps[1].DependsOn);
    }

    [Theory]
    [InlineData("cycle", "steps.a.depends_on", "cycle")]
    [InlineData("unknown", "steps.a.depends_on", "unknown step 'zzz'")]
    [InlineData("duplicate", "steps.a", "used twice")]
    [InlineData("bad-input", "steps.b.inputs.x", "declares no output 'nope'")]
    [InlineData("bad-id", "steps.a b", "contains")]
    [InlineData("no-tasks", "steps.a.tasks", "0 tasks")]
    public void A_bad_plan_is_refused_naming_the_field_and_the_fix(string defect, string field, string message)
    {
        StepSpec[] steps = defect switch
        {
            "cycle" => [new StepSpec("a", "sleep") { DependsOn = ["b"] }, new StepSpec("b", "sleep") { DependsOn = ["a"] }],
            "unknown" => [new StepSpec("a", "sleep") { DependsOn = ["zzz"] }],
            "duplicate" => [new StepSpec("a", "sleep"), new StepSpec("a", "sleep")],
            "bad-input" => [new StepSpec("a", "write") { Outputs = ["out"] }, new StepSpec("b", "concat") { Inputs = new Dictionary<string, string> { ["x"] = "a:nope" } }],
            "bad-id" => [new StepSpec("a b", "sleep")],
            _ => [new StepSpec("a", "sleep") { Tasks = 0 }],
        };
        var e = Assert.Throws<GtsException>(() => RunPlanner.Plan("r1", new RunSpec("r", steps), T0, "spec.json"));
        Assert.Equal(ErrorKind.InvalidInput, e.Kind);
        Assert.Equal(new Gts.Core.Errors.SourceLocation("spec.json", 0, field), e.Location);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.NotNull(e.Fix);
    }
}
