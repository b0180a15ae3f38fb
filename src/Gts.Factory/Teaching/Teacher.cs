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
        var members = features.Select((f, m) =>
        {
            var rows = f(spec.Labelled, cancellationToken);
            return new Member(f, LogisticRegression.Fit(rows, labels, widths[m] ?? rows[0].Count, spec.Classes));
        }).ToList();
        return new Teacher(spec, members);
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
