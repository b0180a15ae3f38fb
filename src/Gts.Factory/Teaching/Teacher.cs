using Gts.Core.Data;
using Gts.Factory.Baselines;

namespace Gts.Factory.Teaching;

/// <summary>A fitted teacher: one logistic regression per member (each encoder's sentence embeddings, plus TF-IDF features
/// when the spec asks), probabilities averaged over the members and divided by a calibration temperature.</summary>
public sealed class Teacher
{
    private readonly IReadOnlyList<Member> _members;

    private Teacher(TeacherSpec spec, IReadOnlyList<Member> members)
    {
        Spec = spec;
        _members = members;
    }

    public TeacherSpec Spec { get; }

    private sealed record Member(Func<IReadOnlyList<Example>, CancellationToken, SparseVector[]> Features, LogisticRegression Model);

    /// <summary>Fits one classifier per member on the spec's labelled examples (deterministic).</summary>
    public static Teacher Fit(TeacherSpec spec, EncoderEnsemble encoders, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(encoders);
        var labels = spec.Labelled.Select(e => e.Label).ToArray();
        var features = encoders.Encoders.Select(encoder => (Func<IReadOnlyList<Example>, CancellationToken, SparseVector[]>)((examples, ct) =>
            EncoderBaseline.Features(encoder, examples, cancellationToken: ct))).ToList();
        var widths = new List<int?>(features.Select(_ => (int?)null));
        if (spec.Tfidf)
        {
            var (row, width) = TfidfBaseline.Featurize(spec.Labelled);
            features.Add((examples, _) => examples.Select(row).ToArray());
            widths.Add(width);
        }
        var members = Enumerable.Range(0, features.Count).Where(m => spec.Members is null || spec.Members.Contains(m)).Select(m =>
        {
            var rows = features[m](spec.Labelled, cancellationToken);
            return new Member(features[m], LogisticRegression.Fit(rows, labels, widths[m] ?? rows[0].Count, spec.Classes));
        }).ToList();
        return new Teacher(spec, members);
    }

    /// <summary>Chooses on <paramref name="dev"/> between the average of all members and each member alone: the highest dev
    /// accuracy wins, the full ensemble on ties. A member far weaker than the rest (the own backbone after minutes of
    /// pretraining, beside TF-IDF) would otherwise pull the average down.</summary>
    public static (TeacherSpec Spec, IReadOnlyList<(string Choice, double Accuracy)> Candidates) SelectMembers(TeacherSpec spec, IReadOnlyList<Example> dev,
        EncoderEnsemble encoders, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(dev);
        var all = Fit(spec with { Members = null, Temperature = 1 }, encoders, cancellationToken);
        var scores = all.Scores(dev, cancellationToken);
        var gold = dev.Select(e => e.Label).ToArray();
        double Accuracy(IEnumerable<int> members)
        {
            int correct = 0;
            for (int i = 0; i < gold.Length; i++)
            {
                var sum = new double[spec.Classes];
                foreach (var m in members)
                {
                    var p = Calibration.ToProbabilities(scores[m][i], spec.Classes, 1);
                    for (int k = 0; k < sum.Length; k++) sum[k] += p[k];
                }
                if (Array.IndexOf(sum, sum.Max()) == gold[i]) correct++;
            }
            return gold.Length == 0 ? 0 : (double)correct / gold.Length;
        }
        var names = spec.Encoders.Select(TunedEncoders.Display).Concat(spec.Tfidf ? ["TF-IDF"] : []).ToList();
        var everyone = Enumerable.Range(0, scores.Count).ToList();
        var candidates = new List<(string Choice, double Accuracy, IReadOnlyList<int>? Members)> { ("all", Accuracy(everyone), null) };
        if (scores.Count > 1)
            candidates.AddRange(everyone.Select(m => (names[m], Accuracy([m]), (IReadOnlyList<int>?)new[] { m })));
        var best = candidates.OrderByDescending(c => c.Accuracy).First(); // stable: "all" first among ties
        return (spec with { Members = best.Members }, candidates.Select(c => (c.Choice, c.Accuracy)).ToList());
    }

    /// <summary>Calibrated class probabilities, averaged over the members.</summary>
    public float[][] Probabilities(IReadOnlyList<Example> examples, CancellationToken cancellationToken = default) =>
        Probabilities(examples, Spec.Temperature, cancellationToken);

    public float[][] Probabilities(IReadOnlyList<Example> examples, double temperature, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var sum = new double[examples.Count][];
        for (int i = 0; i < sum.Length; i++) sum[i] = new double[Spec.Classes];
        foreach (var scores in Scores(examples, cancellationToken))
            for (int i = 0; i < scores.Length; i++)
            {
                var p = Calibration.ToProbabilities(scores[i], Spec.Classes, temperature);
                for (int k = 0; k < p.Length; k++) sum[i][k] += p[k] / _members.Count;
            }
        return sum.Select(r => r.Select(v => (float)v).ToArray()).ToArray();
    }

    /// <summary>Raw scores per member (for fitting the temperature).</summary>
    public IReadOnlyList<double[][]> Scores(IReadOnlyList<Example> examples, CancellationToken cancellationToken = default) =>
        _members.Select(m => m.Features(examples, cancellationToken).Select(m.Model.Scores).ToArray()).ToList();
}
