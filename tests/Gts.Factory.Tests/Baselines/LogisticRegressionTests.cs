using Gts.Factory.Baselines;

namespace Gts.Factory.Tests.Baselines;

public sealed class LogisticRegressionTests
{
    [Fact]
    public void Binary_fit_reaches_the_hand_solved_optimum()
    {
        // x = +1 labelled 1, x = -1 labelled 0, C = 1: by symmetry b = 0 and f'(w) = w - 2 / (1 + e^w) = 0, so w = 0.6750 (to 4 places).
        var rows = new[] { new SparseVector([0], [1.0]), new SparseVector([0], [-1.0]) };
        var model = LogisticRegression.Fit(rows, [1, 0], features: 1, classes: 2);
        double w = model.Weight(0, 0);
        Assert.Equal(2 / (1 + Math.Exp(w)), w, 6); // the solver stops at max |gradient| <= 1e-7 n
        Assert.Equal(0.675, w, 3);
        Assert.Equal(0, model.Weight(1, 0), 7); // intercept
        Assert.Equal(1, model.Predict(rows[0]));
        Assert.Equal(0, model.Predict(rows[1]));
    }

    [Fact]
    public void C_scales_the_penalty_on_the_sum_of_losses()
    {
        // 20 examples x = +-1 labelled 1 / 0: b = 0 by symmetry and the optimum of sum_i loss_i + w^2 / (2C) satisfies
        // w / C = 20 / (1 + e^w), i.e. the penalty is on the SUM of the 20 losses (a mean loss would give w / C = 1 / (1 + e^w)).
        var rows = Enumerable.Range(0, 20).Select(i => new SparseVector([0], [i % 2 == 0 ? 1.0 : -1.0])).ToArray();
        var labels = Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? 1 : 0).ToArray();
        var weak = LogisticRegression.Fit(rows, labels, 1, 2, c: 0.01);
        var strong = LogisticRegression.Fit(rows, labels, 1, 2, c: 1);
        double ww = weak.Weight(0, 0);
        Assert.Equal(20 / (1 + Math.Exp(ww)), ww / 0.01, 5);
        Assert.True(strong.Weight(0, 0) > ww);
    }

    [Fact]
    public void The_intercept_is_not_penalised()
    {
        // No features, three 1s and one 0: the unpenalised optimum is sigmoid(b) = 3/4, b = ln 3.
        var rows = Enumerable.Repeat(SparseVector.Empty, 4).ToArray();
        var model = LogisticRegression.Fit(rows, [1, 1, 1, 0], features: 1, classes: 2);
        Assert.Equal(Math.Log(3), model.Weight(1, 0), 6);
    }

    [Fact]
    public void Multinomial_gradient_is_zero_at_the_solution_and_matches_finite_differences()
    {
        var random = new Random(7);
        var rows = Enumerable.Range(0, 30).Select(_ => new SparseVector([0, 1, 3], [random.NextDouble(), random.NextDouble() - 0.5, random.NextDouble()])).ToArray();
        var labels = Enumerable.Range(0, 30).Select(i => i % 3).ToArray();
        var objective = new LogisticObjective(rows, labels, features: 4, outputs: 3, c: 1);

        var w = Enumerable.Range(0, 15).Select(_ => random.NextDouble() - 0.5).ToArray();
        var g = new double[15];
        objective.Evaluate(w, g);
        var scratch = new double[15];
        for (int i = 0; i < 15; i++)
        {
            var plus = (double[])w.Clone(); plus[i] += 1e-6;
            var minus = (double[])w.Clone(); minus[i] -= 1e-6;
            double numeric = (objective.Evaluate(plus, scratch) - objective.Evaluate(minus, scratch)) / 2e-6;
            Assert.Equal(numeric, g[i], 5);
        }

        var model = LogisticRegression.Fit(rows, labels, 4, 3);
        var solution = new double[15];
        for (int j = 0; j <= 4; j++)
            for (int k = 0; k < 3; k++) solution[j * 3 + k] = model.Weight(j, k);
        objective.Evaluate(solution, g);
        Assert.True(g.Max(Math.Abs) <= 1e-7 * 30, $"max |gradient| {g.Max(Math.Abs)}");
        Assert.Equal(0, g[2 * 3], 12); // feature 2 never occurs: its weights stay at zero
    }

    [Fact]
    public void Separable_data_is_fitted_and_ties_go_to_the_lower_label()
    {
        var rows = new[] { new SparseVector([0], [1.0]), new SparseVector([1], [1.0]), new SparseVector([2], [1.0]) };
        var model = LogisticRegression.Fit(rows, [0, 1, 2], 3, 3);
        Assert.Equal(new[] { 0, 1, 2 }, rows.Select(model.Predict));
        Assert.Equal(0, model.Predict(SparseVector.Empty)); // all scores equal by symmetry
    }
}
