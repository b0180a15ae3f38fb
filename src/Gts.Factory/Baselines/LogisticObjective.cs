namespace Gts.Factory.Baselines;

/// <summary>Value and gradient of the logistic-regression objective over sparse rows (binary when outputs = 1, else softmax).</summary>
internal sealed class LogisticObjective(IReadOnlyList<SparseVector> rows, IReadOnlyList<int> labels, int features, int outputs, double c)
{
    public double Evaluate(ReadOnlySpan<double> w, Span<double> g)
    {
        g.Clear();
        int bias = features * outputs;
        double loss = 0;
        var z = new double[outputs];
        for (int r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            for (int k = 0; k < outputs; k++) z[k] = w[bias + k];
            for (int i = 0; i < row.Count; i++)
            {
                int offset = row.Indices[i] * outputs;
                double v = row.Values[i];
                for (int k = 0; k < outputs; k++) z[k] += v * w[offset + k];
            }
            int y = labels[r];
            if (outputs == 1)
            {
                // log(1 + e^z) - y z, stable for both signs of z; d/dz = sigmoid(z) - y
                double zz = z[0];
                loss += (zz > 0 ? zz + Math.Log(1 + Math.Exp(-zz)) : Math.Log(1 + Math.Exp(zz))) - y * zz;
                z[0] = (zz >= 0 ? 1 / (1 + Math.Exp(-zz)) : Math.Exp(zz) / (1 + Math.Exp(zz))) - y;
            }
            else
            {
                double max = z[0];
                for (int k = 1; k < outputs; k++) max = Math.Max(max, z[k]);
                double sum = 0;
                for (int k = 0; k < outputs; k++) sum += Math.Exp(z[k] - max);
                double logSum = max + Math.Log(sum);
                loss += logSum - z[y];
                for (int k = 0; k < outputs; k++) z[k] = Math.Exp(z[k] - logSum) - (k == y ? 1 : 0);
            }
            // z now holds d loss / d score
            for (int k = 0; k < outputs; k++) g[bias + k] += z[k];
            for (int i = 0; i < row.Count; i++)
            {
                int offset = row.Indices[i] * outputs;
                double v = row.Values[i];
                for (int k = 0; k < outputs; k++) g[offset + k] += v * z[k];
            }
        }
        double penalty = 0;
        for (int j = 0; j < bias; j++)
        {
            penalty += w[j] * w[j];
            g[j] += w[j] / c;
        }
        return loss + penalty / (2 * c);
    }
}
