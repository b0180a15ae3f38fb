using static TorchSharp.torch;

namespace Gts.Neural.Training.Objectives;

/// <summary>Knowledge distillation on soft labels: T² · KL(teacher_T ‖ student_T), optionally mixed with hard-label
/// cross-entropy (Hinton, Vinyals, Dean 2015, "Distilling the Knowledge in a Neural Network", section 2).</summary>
public static class DistillationLoss
{
    /// <summary>studentLogits [n, c]; teacherProbs [n, c] (rows sum to 1, already at temperature 1); hardLabels int64 [n] or null.
    /// <paramref name="hardWeight"/> is the share of the hard-label term (0 = soft labels only).</summary>
    public static Tensor Compute(Tensor studentLogits, Tensor teacherProbs, double temperature = 2.0, Tensor? hardLabels = null, double hardWeight = 0.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(temperature, 0.0);
        var teacherT = Soften(teacherProbs, temperature);
        var studentLogT = nn.functional.log_softmax(studentLogits / temperature, 1);
        var soft = nn.functional.kl_div(studentLogT, teacherT, log_target: false, reduction: nn.Reduction.None).sum(1).mean() * (temperature * temperature);
        if (hardLabels is null || hardWeight <= 0) return soft;
        return soft * (1 - hardWeight) + nn.functional.cross_entropy(studentLogits, hardLabels) * hardWeight;
    }

    /// <summary>Re-tempers probabilities: softmax(log p / T).</summary>
    public static Tensor Soften(Tensor probs, double temperature) =>
        temperature == 1.0 ? probs : nn.functional.softmax(probs.clamp_min(1e-12).log() / temperature, 1);
}
