using Gts.Core.Data;
using Gts.Core.Metrics;
using Gts.Factory.Recipes;

namespace Gts.Factory.Teaching;

/// <summary>Self-training: the teacher labels the candidates, the confident ones (class-balanced) join the
/// labelled set, the teacher is refitted, and this repeats while the dev score does not drop.</summary>
public static class SelfTraining
{
    /// <summary>One round's record for the model card.</summary>
    public sealed record Round(int Index, int Added, double? DevAccuracy, bool Kept);

    public sealed record Outcome(TeacherSpec Teacher, IReadOnlyList<Round> Rounds);

    public static Outcome Run(TeacherSpec initial, IReadOnlyList<Example> candidates, IReadOnlyList<Example> dev, EncoderEnsemble encoders,
        LabelSettings settings, TextWriter? log = null, CancellationToken cancellationToken = default)
    {
        var spec = Calibrate(initial, dev, encoders, cancellationToken);
        var teacher = Teacher.Fit(spec, encoders, cancellationToken);
        double? devScore = Score(teacher, dev, cancellationToken);
        var rounds = new List<Round> { new(0, 0, devScore, true) };
        log?.WriteLine($"self-training round 0: {spec.Labelled.Count} labelled, dev accuracy {Fmt(devScore)}");

        var gold = initial.Labelled;
        for (int r = 1; r <= settings.Rounds && candidates.Count > 0; r++)
        {
            var probs = teacher.Probabilities(candidates, cancellationToken);
            var chosen = SelectConfident(candidates, probs, spec.Classes, settings.Threshold);
            if (chosen.Count == 0)
            {
                log?.WriteLine($"self-training round {r}: no candidate reached confidence {settings.Threshold}; stopping");
                break;
            }
            var next = Calibrate(spec with { Labelled = [.. gold, .. chosen] }, dev, encoders, cancellationToken);
            var nextTeacher = Teacher.Fit(next, encoders, cancellationToken);
            double? nextScore = Score(nextTeacher, dev, cancellationToken);
            bool keep = devScore is null || nextScore >= devScore;
            rounds.Add(new Round(r, chosen.Count, nextScore, keep));
            log?.WriteLine($"self-training round {r}: +{chosen.Count} pseudo-labels, dev accuracy {Fmt(nextScore)} ({(keep ? "kept" : "worse, stopping")})");
            if (!keep) break;
            (spec, teacher, devScore) = (next, nextTeacher, nextScore);
        }
        return new Outcome(spec, rounds);
    }

    /// <summary>Candidates whose top probability reaches the threshold, the same number per class (the smallest
    /// class's count), most confident first, so that pseudo-labels do not tilt the class balance.</summary>
    public static IReadOnlyList<Example> SelectConfident(IReadOnlyList<Example> candidates, float[][] probs, int classes, double threshold)
    {
        var perClass = Enumerable.Range(0, classes).Select(_ => new List<(int Index, float P)>()).ToArray();
        for (int i = 0; i < candidates.Count; i++)
        {
            int best = 0;
            for (int k = 1; k < classes; k++) if (probs[i][k] > probs[i][best]) best = k;
            if (probs[i][best] >= threshold) perClass[best].Add((i, probs[i][best]));
        }
        int take = perClass.Min(l => l.Count);
        var chosen = new List<Example>();
        for (int k = 0; k < classes; k++)
            foreach (var (index, _) in perClass[k].OrderByDescending(x => x.P).ThenBy(x => x.Index).Take(take))
                chosen.Add(candidates[index] with { Label = k });
        return chosen;
    }

    private static TeacherSpec Calibrate(TeacherSpec spec, IReadOnlyList<Example> dev, EncoderEnsemble encoders, CancellationToken ct)
    {
        if (dev.Count == 0) return spec;
        var teacher = Teacher.Fit(spec with { Temperature = 1 }, encoders, ct);
        return spec with { Temperature = Calibration.FitTemperature(teacher.Scores(dev, ct), dev.Select(e => e.Label).ToArray(), spec.Classes) };
    }

    private static double? Score(Teacher teacher, IReadOnlyList<Example> dev, CancellationToken ct)
    {
        if (dev.Count == 0) return null;
        var pred = teacher.Probabilities(dev, ct).Select(ArgMax).ToArray();
        return ClassificationReport.Compute(dev.Select(e => e.Label).ToArray(), pred, teacher.Spec.Classes).Accuracy;
    }

    public static int ArgMax(float[] p)
    {
        int best = 0;
        for (int k = 1; k < p.Length; k++) if (p[k] > p[best]) best = k;
        return best;
    }

    private static string Fmt(double? v) => v is null ? "n/a (no dev data)" : $"{v:P1}";
}
