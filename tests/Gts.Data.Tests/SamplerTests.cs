using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Gts.Core.Data;
using Gts.Data.Sampling;

namespace Gts.Data.Tests;

public sealed class SamplerTests
{
    private static readonly LabelSet Three = new(["a", "b", "c"]);

    private static List<Example> Data(int perClass, int classes = 3) =>
        Enumerable.Range(0, perClass * classes).Select(i => new Example($"t{i}", null, (i + i / classes) % classes, i + 1)).ToList();

    /// <summary>The sampler as printed in shared/notes/pretrained-encoders.md section 5, kept literal on purpose.</summary>
    private static List<Example> Reference(List<Example> train, int labels, int k, int seed)
    {
        var rng = new Random(seed);
        var sample = new List<Example>();
        for (int c = 0; c < labels; c++)
        {
            var a = train.Where(r => r.Label == c).ToArray();
            for (int i = a.Length - 1; i > 0; i--) { int j = rng.Next(i + 1); (a[i], a[j]) = (a[j], a[i]); }
            sample.AddRange(a.Take(k));
        }
        return sample;
    }

    [Fact]
    public void Sampler_takes_k_per_class_in_label_order_and_is_deterministic_for_a_seed()
    {
        var data = Data(30);
        var first = FewShotSampler.SampleStratified(data, Three, 8, seed: 3);
        var again = FewShotSampler.SampleStratified(data, Three, 8, seed: 3);
        var other = FewShotSampler.SampleStratified(data, Three, 8, seed: 4);
        Assert.Equal(24, first.Count);
        Assert.Equal([.. Enumerable.Repeat(0, 8), .. Enumerable.Repeat(1, 8), .. Enumerable.Repeat(2, 8)], first.Select(e => e.Label));
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(24, first.Distinct().Count());
    }

    [Fact]
    public void Sampler_matches_the_published_reference_sampler()
    {
        var data = Data(70);
        data.Insert(5, Example.Pool("pool text"));
        foreach (var seed in new[] { 0, 1, 2, 3, 4 })
            foreach (var k in new[] { 8, 64 })
                Assert.Equal(Reference(data, 3, k, seed), FewShotSampler.SampleStratified(data, Three, k, seed));
    }

    [Fact]
    public void Sampler_output_is_pinned_for_seed_0()
    {
        // System.Random with a seed uses the legacy algorithm, stable across .NET versions; this pins it.
        var data = Enumerable.Range(0, 10).Select(i => new Example($"t{i}", null, i % 2, i + 1)).ToList();
        var sample = FewShotSampler.SampleStratified(data, new LabelSet(["even", "odd"]), 2, seed: 0);
        Assert.Equal(Reference(data, 2, 2, 0).Select(e => e.Text), sample.Select(e => e.Text));
        Assert.Equal(4, sample.Count);
    }

    [Property(MaxTest = 50)]
    public Property K8_sample_is_the_first_8_per_class_of_the_K64_sample(NonNegativeInt seed, PositiveInt extra)
    {
        var data = Data(64 + extra.Get % 40);
        var k64 = FewShotSampler.SampleStratified(data, Three, 64, seed.Get);
        var k8 = FewShotSampler.SampleStratified(data, Three, 8, seed.Get);
        var prefix = Enumerable.Range(0, 3).SelectMany(c => k64.Skip(64 * c).Take(8));
        return prefix.SequenceEqual(k8).ToProperty();
    }

    [Fact]
    public void Short_classes_are_listed_with_their_counts()
    {
        var data = Data(5);
        var shortfall = FewShotSampler.FindShortClasses(data, Three, 6);
        Assert.Equal(3, shortfall.Count);
        Assert.All(shortfall, s => Assert.Equal(5, s.Available));
        Assert.Empty(FewShotSampler.FindShortClasses(data, Three, 5));
    }
}
