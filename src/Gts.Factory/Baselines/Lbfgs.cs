namespace Gts.Factory.Baselines;

/// <summary>L-BFGS for smooth convex objectives, exactly the solver of note section 5 that matched scikit-learn per seed: memory 10,
/// start at the given point, Armijo backtracking (c1 = 1e-4) from step 1 halving the step, curvature pairs kept only if s·y > 1e-12.
/// Hand-written: its stopping rule is part of the reproduced protocol, and MathNet's minimizer (Wolfe search, own tolerances,
/// throws when the line search stalls near the optimum) was not the one validated against scikit-learn.</summary>
public static class Lbfgs
{
    /// <summary>Objective value at x, writing the gradient into g.</summary>
    public delegate double Objective(ReadOnlySpan<double> x, Span<double> g);

    /// <summary>Minimises f from x (updated in place). Stops when max |g| &lt;= gradientTolerance, or when the relative change of f is
    /// &lt;= 1e-15 while max |g| &lt;= looseGradientTolerance, or after maxIterations. Returns the iterations used.</summary>
    public static int Minimize(Objective f, double[] x, double gradientTolerance, double looseGradientTolerance, int maxIterations = 3000, int memory = 10)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);
        int n = x.Length;
        var g = new double[n];
        var direction = new double[n];
        var xNew = new double[n];
        var gNew = new double[n];
        var s = new List<double[]>(memory);
        var y = new List<double[]>(memory);
        var rho = new List<double>(memory);
        var alpha = new double[memory];
        double fx = f(x, g);
        for (int iteration = 1; iteration <= maxIterations; iteration++)
        {
            double gMax = MaxAbs(g);
            if (gMax <= gradientTolerance) return iteration - 1;

            // Two-loop recursion: direction = -H g.
            for (int i = 0; i < n; i++) direction[i] = -g[i];
            for (int k = s.Count - 1; k >= 0; k--)
            {
                alpha[k] = rho[k] * Dot(s[k], direction);
                Axpy(-alpha[k], y[k], direction);
            }
            if (s.Count > 0)
            {
                var last = s.Count - 1;
                double gamma = Dot(s[last], y[last]) / Dot(y[last], y[last]);
                for (int i = 0; i < n; i++) direction[i] *= gamma;
            }
            for (int k = 0; k < s.Count; k++)
            {
                double beta = rho[k] * Dot(y[k], direction);
                Axpy(alpha[k] - beta, s[k], direction);
            }
            double slope = Dot(g, direction);
            if (slope >= 0)
            {
                // Not a descent direction (numerical trouble): restart from steepest descent.
                s.Clear(); y.Clear(); rho.Clear();
                for (int i = 0; i < n; i++) direction[i] = -g[i];
                slope = -Dot(g, g);
            }

            double step = 1, fNew;
            while (true)
            {
                for (int i = 0; i < n; i++) xNew[i] = x[i] + step * direction[i];
                fNew = f(xNew, gNew);
                if (fNew <= fx + 1e-4 * step * slope || step < 1e-20) break;
                step /= 2;
            }
            if (!(fNew <= fx)) return iteration; // the search found no decrease: at the optimum to machine precision

            var sk = new double[n];
            var yk = new double[n];
            for (int i = 0; i < n; i++) { sk[i] = xNew[i] - x[i]; yk[i] = gNew[i] - g[i]; }
            double sy = Dot(sk, yk);
            if (sy > 1e-12)
            {
                if (s.Count == memory) { s.RemoveAt(0); y.RemoveAt(0); rho.RemoveAt(0); }
                s.Add(sk);
                y.Add(yk);
                rho.Add(1 / sy);
            }
            double change = Math.Abs(fx - fNew) / Math.Max(Math.Abs(fx), Math.Max(Math.Abs(fNew), 1));
            Array.Copy(xNew, x, n);
            Array.Copy(gNew, g, n);
            fx = fNew;
            if (change <= 1e-15 && MaxAbs(g) <= looseGradientTolerance) return iteration;
        }
        return maxIterations;
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (int i = 0; i < x.Length; i++) y[i] += a * x[i];
    }

    private static double MaxAbs(double[] v)
    {
        double max = 0;
        foreach (var value in v) max = Math.Max(max, Math.Abs(value));
        return max;
    }
}
