using FsCheck.Xunit;
using Gts.Neural.Training.Training;

namespace Gts.Neural.Training.Tests.Training;

public sealed class TrainingPolicyTests
{
    [Fact]
    public void Schedule_warms_up_linearly_then_decays_linearly_to_zero()
    {
        Assert.Equal(0.25, LearningRateSchedule.Factor(0, 20, 4), 9);
        Assert.Equal(1.0, LearningRateSchedule.Factor(3, 20, 4), 9);
        Assert.Equal(0.5, LearningRateSchedule.Factor(12, 20, 4), 9);
        Assert.Equal(1.0 / 16, LearningRateSchedule.Factor(19, 20, 4), 9);
        Assert.Equal(1.0, LearningRateSchedule.Factor(0, 1, 0), 9);
    }

    [Property]
    public bool Length_buckets_hold_every_index_exactly_once(int[] rawLengths, byte batch, int seed)
    {
        var lengths = rawLengths.Select(l => Math.Abs(l % 200)).ToArray();
        int size = batch % 20 + 1;
        var batches = LengthBuckets.Batches(lengths, size, new Random(seed));
        var all = batches.SelectMany(b => b).OrderBy(i => i).ToArray();
        return all.SequenceEqual(Enumerable.Range(0, lengths.Length)) && batches.All(b => b.Length is > 0 && b.Length <= size);
    }

    [Fact]
    public void Length_buckets_group_similar_lengths_and_are_deterministic_for_a_seed()
    {
        var lengths = Enumerable.Range(0, 400).Select(i => (i * 37) % 120 + 1).ToArray();
        var a = LengthBuckets.Batches(lengths, 16, new Random(3));
        var b = LengthBuckets.Batches(lengths, 16, new Random(3));
        Assert.Equal(a.Select(x => string.Join(",", x)), b.Select(x => string.Join(",", x)));
        double padded = a.Sum(x => x.Length * x.Max(i => lengths[i]));
        double naive = Enumerable.Range(0, 25).Sum(k => 16 * lengths.Skip(k * 16).Take(16).Max());
        Assert.True(padded < 0.6 * naive, $"bucketed padded tokens {padded} vs unsorted {naive}");
    }

    [Fact]
    public void Early_stopping_stops_after_patience_evaluations_without_improvement()
    {
        var s = new EarlyStopping(2).Observe(0.5).Observe(0.6);
        Assert.True(s.Improved);
        s = s.Observe(0.6);
        Assert.False(s.ShouldStop);
        s = s.Observe(0.55);
        Assert.True(s.ShouldStop);
        Assert.Equal(0.6, s.Best);
        Assert.False(new EarlyStopping(0).Observe(1).Observe(0).Observe(0).ShouldStop);
    }
}
