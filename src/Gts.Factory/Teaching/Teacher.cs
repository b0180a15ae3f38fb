using Gts.Core.Data;
using Gts.Factory.Baselines;

namespace Gts.Factory.Teaching;

/// <summary>A fitted teacher: one logistic regression per encoder on that encoder's sentence embeddings,
/// probabilities averaged over the encoders and divided by a calibration temperature.</summary>
public sealed class Teacher
{
    private readonly EncoderEnsemble _encoders;
    private readonly IReadOnlyList<LogisticRegression> _models;

    private Teacher(TeacherSpec spec, EncoderEnsemble encoders, IReadOnlyList<LogisticRegression> models)
    {
        Spec = spec;
        _encoders = encoders;
        _models = models;
    }

    public TeacherSpec Spec { get; }

    /// <summary>Fits one classifier per encoder on the spec's labelled examples (deterministic).</summary>
    public static Teacher Fit(TeacherSpec spec, EncoderEnsemble encoders, CancellationToken cancellationToken = default)
    {
        var labels = spec.Labelled.Select(e => e.Label).ToArray();
        var models = new List<LogisticRegression>();
        foreach (var encoder in encoders.Encoders)
        {
            var rows = EncoderBaseline.Features(encoder, spec.Labelled, cancellationToken: cancellationToken);
            models.Add(LogisticRegression.Fit(rows, labels, rows[0].Count, spec.Classes));
        }
        return new Teacher(spec, encoders, models);
    }

    /// <summary>Calibrated class probabilities, averaged over the encoders.</summary>
    public float[][] Probabilities(IReadOnlyList<Example> examples, CancellationToken cancellationToken = default) =>
        Probabilities(examples, Spec.Temperature, cancellationToken);

    public float[][] Probabilities(IReadOnlyList<Example> examples, double temperature, CancellationToken cancellationToken = default)
    {
        var sum = new double[examples.Count][];
        for (int i = 0; i < sum.Length; i++) sum[i] = new double[Spec.Classes];
        for (int m = 0; m < _models.Count; m++)
        {
            var rows = EncoderBaseline.Features(_encoders.Encoders[m], examples, cancellationToken: cancellationToken);
            for (int i = 0; i < rows.Length; i++)
            {
                var p = Calibration.ToProbabilities(_models[m].Scores(rows[i]), Spec.Classes, temperature);
                for (int k = 0; k < p.Length; k++) sum[i][k] += p[k] / _models.Count;
            }
        }
        return sum.Select(r => r.Select(v => (float)v).ToArray()).ToArray();
    }

    /// <summary>Raw scores per encoder (for fitting the temperature).</summary>
    public IReadOnlyList<double[][]> Scores(IReadOnlyList<Example> examples, CancellationToken cancellationToken = default) =>
        _models.Select((model, m) => EncoderBaseline.Features(_encoders.Encoders[m], examples, cancellationToken: cancellationToken).Select(model.Scores).ToArray()).ToList();
}
