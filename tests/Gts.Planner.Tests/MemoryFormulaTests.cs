using Gts.Planner.Memory;
using Gts.Planner.Parallel;

namespace Gts.Planner.Tests;

public sealed class MemoryFormulaTests
{
    [Theory]
    [InlineData(0, 120.0)]
    [InlineData(1, 31.4)]
    [InlineData(2, 16.6)]
    [InlineData(3, 1.9)]
    public void Zero_stages_reproduce_the_papers_7_5B_64_way_example(int stage, double paperGb)
    {
        // Rajbhandari et al. 2020, Figure 1: Ψ = 7.5B, N_d = 64, K = 12.
        double gb = ModelStateMemory.Total(7.5e9, 64, stage, new TrainingSettings(1)) / 1e9;
        Assert.Equal(paperGb, Math.Round(gb, 1));
    }

    [Fact]
    public void Zero_stage_parts_divide_as_the_paper_says()
    {
        var (w, g, o) = ModelStateMemory.PerGpu(1000, 10, 2, new TrainingSettings(1));
        Assert.Equal((2000.0, 200.0, 1200.0), (w, g, o));
        var (_, _, offloaded) = ModelStateMemory.PerGpu(1000, 10, 2, new TrainingSettings(1), cpuOffload: true);
        Assert.Equal(0, offloaded);
    }

    // GPT-3 175B layer, s = 2048, b = 1, h = 12288, a = 96: 5as/h = 80 (Korthikanti et al. 2022, Table 2).
    private const double S = 2048, B = 1, H = 12288, A = 96;
    private const double Sbh = S * B * H;

    [Theory]
    [InlineData(1, false, Recompute.None, 114.0)]          // 34 + 5as/h
    [InlineData(8, false, Recompute.None, 23.0)]           // 10 + 24/8 + 80/8
    [InlineData(8, true, Recompute.None, 114.0 / 8)]       // (34 + 5as/h)/t
    [InlineData(8, false, Recompute.Selective, 13.0)]      // 10 + 24/8
    [InlineData(8, true, Recompute.Selective, 34.0 / 8)]   // 34/t
    [InlineData(8, false, Recompute.Full, 2.0)]            // layer input only
    [InlineData(8, true, Recompute.Full, 2.0 / 8)]
    public void Activation_bytes_per_layer_follow_Korthikanti(int t, bool sp, Recompute rc, double bytesPerSbh)
    {
        double bytes = ActivationMemory.PerLayer(S, B, H, A, t, sp, rc);
        Assert.Equal(bytesPerSbh * Sbh, bytes, 1e-6 * bytes);
    }

    [Fact]
    public void Fused_attention_drops_the_score_term()
    {
        double bytes = ActivationMemory.PerLayer(S, B, H, A, 1, false, Recompute.None, fusedAttention: true);
        Assert.Equal(34 * Sbh, bytes, 1e-6 * bytes);
    }

    [Theory]
    [InlineData(PipelineSchedule.GPipe, 4, 16, 1, 16.0)]
    [InlineData(PipelineSchedule.OneFOneB, 4, 16, 1, 4.0)]
    [InlineData(PipelineSchedule.OneFOneB, 8, 4, 1, 4.0)]
    [InlineData(PipelineSchedule.Interleaved, 4, 16, 2, 5.5)]   // p(1 + (p−1)/(pv)) = 4 + 3/2
    [InlineData(PipelineSchedule.Interleaved, 8, 32, 4, 9.75)]
    public void In_flight_micro_batches_match_the_closed_forms(PipelineSchedule schedule, int p, int m, int v, double expected) =>
        Assert.Equal(expected, ActivationMemory.InFlightMicroBatches(schedule, p, m, v), 9);
}
