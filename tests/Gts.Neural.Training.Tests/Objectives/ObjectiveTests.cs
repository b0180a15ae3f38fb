using Gts.Neural.Training.Modules;
using Gts.Neural.Training.Objectives;
using Gts.Neural.Training.Runtime;
using Gts.Neural.Training.Text;
using Gts.Neural.Training.Training;
using static TorchSharp.torch;

namespace Gts.Neural.Training.Tests.Objectives;

public sealed class ObjectiveTests
{
    [Fact]
    public void Contrastive_pairs_are_capped_and_labelled_by_label_equality()
    {
        int[] labels = [0, 0, 1, 1, 2, 2, 2, 0];
        var pairs = ContrastivePairs.Sample(labels, 20, 100, new Random(1));
        Assert.Equal(100, pairs.Count);
        Assert.All(pairs, p => Assert.Equal(labels[p.A] == labels[p.B] ? 1f : 0f, p.Target));
        Assert.All(pairs, p => Assert.NotEqual(p.A, p.B));
        Assert.Equal(2 * 20 * labels.Length, ContrastivePairs.Sample(labels, 20, 100_000, new Random(1)).Count);
    }

    [Fact]
    public void Contrastive_training_overfits_8_examples_so_same_label_texts_are_closer()
    {
        TorchRuntime.UseThreads(1);
        using var model = Tiny.Classifier();
        var texts = Tiny.Texts();
        var pairs = ContrastivePairs.Sample(Tiny.Labels, 8, 1000, new Random(2));
        var objective = new ContrastiveObjective(model, texts, pairs);
        var report = new Trainer(model, new TrainingOptions { LearningRate = 2e-3, Epochs = 15, BatchSize = 8, Seed = 3 }).Fit(objective.PairLengths, objective.Loss);
        Assert.True(report.StepLosses[^1] < 0.05, $"final contrastive loss {report.StepLosses[^1]:F4}");

        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var b = PaddedBatch.From(texts, Enumerable.Range(0, 8).ToArray());
        var e = nn.functional.normalize(model.Embed(b.Ids, b.Mask, b.TypeIds), p: 2, dim: 1);
        var cos = e.matmul(e.t()).data<float>().ToArray();
        for (int i = 0; i < 8; i++)
            for (int j = 0; j < 8; j++)
                if (i != j && Tiny.Labels[i] == Tiny.Labels[j])
                    for (int k = 0; k < 8; k++)
                        if (Tiny.Labels[k] != Tiny.Labels[i]) Assert.True(cos[i * 8 + j] > cos[i * 8 + k]);
    }

    [Fact]
    public void Masked_lm_with_tied_head_overfits_8_texts()
    {
        TorchRuntime.UseThreads(1);
        using var model = new MaskedLanguageModel(Tiny.Encoder());
        Assert.Single(model.parameters(), p => p.shape.SequenceEqual(new long[] { 40, 32 })); // decoder tied to the word embeddings, not a second matrix
        var texts = Tiny.Texts();
        var objective = new MaskedLmObjective(model, texts, Tiny.Special, maskRate: 0.3);
        var report = new Trainer(model, new TrainingOptions { LearningRate = 3e-3, Epochs = 300, BatchSize = 8, Seed = 4 }).Fit(texts.Select(t => t.Length).ToArray(), objective.Loss);
        double first = report.StepLosses.Take(5).Average(), last = report.StepLosses.TakeLast(10).Average();
        Assert.True(last < 0.25 * first, $"MLM loss {first:F3} -> {last:F3}"); // fresh masks every step: memorising the texts, not one masking
    }

    [Fact]
    public void Masking_never_touches_special_or_padding_tokens_and_follows_80_10_10()
    {
        var objective = new MaskedLmObjective(null!, [], SpecialTokens.BertUncased);
        var random = new Random(9);
        var ids = Enumerable.Range(0, 20000).Select(i => i % 50 == 0 ? 101L : i % 50 == 49 ? 0L : 2000 + i % 300).ToArray();
        var attention = ids.Select(id => id == 0 ? 0L : 1L).ToArray();
        var (corrupted, selected, targets) = objective.Mask(ids, attention, random);
        Assert.Equal(selected.Count(s => s), targets.Length);
        Assert.DoesNotContain(Enumerable.Range(0, ids.Length), i => selected[i] && (ids[i] == 101 || ids[i] == 0));
        double rate = selected.Count(s => s) / (double)ids.Count(id => id >= 2000);
        Assert.InRange(rate, 0.14, 0.16);
        var chosen = Enumerable.Range(0, ids.Length).Where(i => selected[i]).ToArray();
        Assert.InRange(chosen.Count(i => corrupted[i] == 103) / (double)chosen.Length, 0.77, 0.83);
        Assert.InRange(chosen.Count(i => corrupted[i] == ids[i]) / (double)chosen.Length, 0.08, 0.12);
    }

    [Fact]
    public void Distillation_on_soft_labels_makes_the_student_match_the_teacher()
    {
        TorchRuntime.UseThreads(1);
        using var student = Tiny.Classifier(classes: 3);
        var texts = Tiny.Texts();
        var teacher = new float[8, 3];
        var random = new Random(5);
        for (int i = 0; i < 8; i++)
        {
            var raw = Enumerable.Range(0, 3).Select(_ => random.NextDouble() + 0.05).ToArray();
            for (int c = 0; c < 3; c++) teacher[i, c] = (float)(raw[c] / raw.Sum());
        }
        BatchLoss Loss(int[] batch)
        {
            var b = PaddedBatch.From(texts, batch);
            var probs = tensor(batch.SelectMany(i => Enumerable.Range(0, 3).Select(c => teacher[i, c])).ToArray(), [batch.Length, 3]);
            return new BatchLoss(DistillationLoss.Compute(student.forward(b.Ids, b.Mask, b.TypeIds), probs, temperature: 1.0), b.Tokens);
        }
        var report = new Trainer(student, new TrainingOptions { LearningRate = 3e-3, Epochs = 80, BatchSize = 8, Seed = 6 }).Fit(texts.Select(t => t.Length).ToArray(), Loss);
        Assert.True(report.StepLosses[^1] < 0.01, $"final KL {report.StepLosses[^1]:F4}");
    }

    [Fact]
    public void Distillation_loss_is_zero_when_student_equals_teacher_and_scales_with_temperature_squared()
    {
        using var scope = NewDisposeScope();
        var logits = tensor(new float[] { 1f, 2f, 0.5f, -1f, 0f, 3f }, [2, 3]);
        var probs = nn.functional.softmax(logits, 1);
        Assert.True(DistillationLoss.Compute(logits, probs, 2.0).item<float>() < 1e-6);
        var other = tensor(new float[] { 0f, 0f, 0f, 0f, 0f, 0f }, [2, 3]);
        Assert.True(DistillationLoss.Compute(other, probs, 1.0).item<float>() > 0.1);
    }
}
