namespace Gts.Factory.Teaching;

/// <summary>Temperature scaling (Guo et al. 2017, "On Calibration of Modern Neural Networks"): one scalar T
/// divides the scores, chosen to minimise the negative log-likelihood on held-out labelled data.</summary>
public static class Calibration
{
    /// <summary>Softmax (or the logistic function for one binary score) of scores / temperature.</summary>
    public static double[] ToProbabilities(double[] scores, int classes, double temperature)
    {
        if (scores.Length == 1 && classes == 2)
        {
            double p1 = 1 / (1 + Math.Exp(-scores[0] / temperature));
            return [1 - p1, p1];
        }
        double max = scores.Max();
        var e = scores.Select(s => Math.Exp((s - max) / temperature)).ToArray();
        double z = e.Sum();
        return e.Select(v => v / z).ToArray();
    }

    /// <summary>The temperature in [0.05, 20] (log grid, then golden-section refinement) with the lowest mean NLL of
    /// the ensemble-averaged probabilities; 1 when there is no held-out data.</summary>
    public static double FitTemperature(IReadOnlyList<double[][]> scoresPerModel, IReadOnlyList<int> gold, int classes)
    {
        if (gold.Count == 0) return 1.0;
        double Nll(double t)
        {
            double total = 0;
            for (int i = 0; i < gold.Count; i++)
            {
                double p = 0;
                foreach (var scores in scoresPerModel) p += ToProbabilities(scores[i], classes, t)[gold[i]] / scoresPerModel.Count;
                total -= Math.Log(Math.Max(p, 1e-12));
            }
            return total / gold.Count;
        }

        double best = 1, bestNll = Nll(1);
        for (double lt = Math.Log(0.05); lt <= Math.Log(20); lt += 0.1)
        {
            double v = Nll(Math.Exp(lt));
            if (v < bestNll) (best, bestNll) = (Math.Exp(lt), v);
        }
        double lo = best / 1.2, hi = best * 1.2;
        const double Phi = 0.6180339887498949;
        for (int it = 0; it < 40; it++)
        {
            double a = hi - Phi * (hi - lo), b = lo + Phi * (hi - lo);
            if (Nll(a) < Nll(b)) hi = b; else lo = a;
        }
        double refined = (lo + hi) / 2;
        return Nll(refined) < bestNll ? refined : best;
    }
}
