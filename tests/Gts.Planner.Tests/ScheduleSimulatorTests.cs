using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Gts.Planner.Memory;
using Gts.Planner.Parallel;
using Gts.Planner.Schedules;

namespace Gts.Planner.Tests;

public sealed class ScheduleSimulatorTests
{
    [Theory]
    [InlineData(PipelineSchedule.GPipe, 4, 8, 1, 3.0 / 8)]
    [InlineData(PipelineSchedule.OneFOneB, 4, 8, 1, 3.0 / 8)]
    [InlineData(PipelineSchedule.OneFOneB, 8, 64, 1, 7.0 / 64)]
    [InlineData(PipelineSchedule.Interleaved, 4, 8, 2, 3.0 / 16)]
    [InlineData(PipelineSchedule.Interleaved, 8, 32, 4, 7.0 / 128)]
    public void Simulated_bubble_equals_the_closed_form(PipelineSchedule schedule, int p, int m, int v, double bubble)
    {
        var r = PipelineSimulator.Run(schedule, p, m, v, forward: 1, backward: 2);
        Assert.Equal(bubble, r.BubbleFraction, 9);
    }

    [Property(MaxTest = 60)]
    public Property Bubble_and_peak_activations_match_closed_forms_for_any_shape()
    {
        var gen = from p in Gen.Choose(1, 8)
                  from k in Gen.Choose(1, 4)
                  from v in Gen.Choose(1, 4)
                  from s in Gen.Elements(PipelineSchedule.GPipe, PipelineSchedule.OneFOneB, PipelineSchedule.Interleaved)
                  select (p, m: p * k, v: s == PipelineSchedule.Interleaved ? v : 1, s);
        return Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var r = PipelineSimulator.Run(x.s, x.p, x.m, x.v, 1, 2);
            double closed = (x.p - 1.0) / (x.v * x.m);
            double inflight = ActivationMemory.InFlightMicroBatches(x.s, x.p, x.m, x.v);
            return Math.Abs(r.BubbleFraction - closed) < 1e-9 && (x.p == 1 || Math.Abs(r.PeakInFlight[0] - inflight) < 1e-9);
        });
    }

    [Fact]
    public void Every_pass_runs_once_and_a_stage_never_overlaps_itself()
    {
        var r = PipelineSimulator.Run(PipelineSchedule.Interleaved, 4, 8, 2, 1, 2);
        Assert.Equal(2 * 8 * 4 * 2, r.Ops.Count);
        foreach (var stage in r.Ops.GroupBy(o => o.Stage))
        {
            var ordered = stage.OrderBy(o => o.Start).ToList();
            for (int i = 1; i < ordered.Count; i++) Assert.True(ordered[i].Start >= ordered[i - 1].End - 1e-12);
        }
    }

    [Fact]
    public void Interleaving_needs_micro_batches_a_multiple_of_stages() =>
        Assert.Throws<ArgumentException>(() => PipelineSimulator.Run(PipelineSchedule.Interleaved, 4, 6, 2, 1, 2));

    [Fact]
    public void Timeline_png_is_written()
    {
        string path = Path.Combine(Path.GetTempPath(), $"gts-timeline-{Guid.NewGuid():N}.png");
        try
        {
            TimelinePlot.SavePng([PipelineSimulator.Run(PipelineSchedule.OneFOneB, 2, 4, 1, 1, 2)], path, 400, 300);
            var bytes = File.ReadAllBytes(path);
            Assert.True(bytes.Length > 1000);
            Assert.Equal(0x89, bytes[0]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
