using Gts.Neural.Student;
using Gts.Neural.Tokenization;
using Gts.Neural.Training.Student;

namespace Gts.Neural.Training.Tests.Student;

public sealed class StudentTests : IDisposable
{
    private static readonly string[] Words =
        ["great", "good", "love", "excellent", "bad", "awful", "hate", "terrible", "movie", "phone", "the", "is", "a", "not", "this", "really"];

    private static readonly (string Text, int Label)[] Eight =
    [
        ("the movie is great", 1), ("i love this phone", 1), ("really excellent", 1), ("a good movie", 1),
        ("the movie is awful", 0), ("i hate this phone", 0), ("really terrible", 0), ("not good", 0),
    ];

    private readonly string _dir = Directory.CreateTempSubdirectory("gts-student-").FullName;

    private (StudentConfig Config, StudentFeaturizer Featurizer) Setup(bool pair = false)
    {
        var vocab = Path.Combine(_dir, StudentClassifier.VocabFile);
        File.WriteAllLines(vocab, ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "i", .. Words]);
        var config = new StudentConfig { VocabSize = 5 + 1 + Words.Length, BigramBuckets = 64, Dim = 16, Hidden = 32, Classes = 2, Pair = pair };
        return (config, new StudentFeaturizer(BertTokenization.Create(vocab), config));
    }

    private static DistillationExample OneHot(string text, int label, string? textB = null) =>
        new(text, textB, label == 1 ? [0f, 1f] : [1f, 0f]);

    [Fact]
    public void Student_overfits_eight_examples()
    {
        var (config, featurizer) = Setup();
        var model = StudentDistiller.Train(config, featurizer, Eight.Select(e => OneHot(e.Text, e.Label)).ToList(),
            new StudentTrainingOptions(Epochs: 200, BatchSize: 4, LearningRate: 2e-2, MinSteps: 0));

        var probs = StudentDistiller.Predict(model, featurizer, Eight.Select(e => e.Text).ToList());
        for (int i = 0; i < Eight.Length; i++)
            Assert.True(probs[i][Eight[i].Label] > 0.9, $"'{Eight[i].Text}' got p={probs[i][Eight[i].Label]:F3} for its label");
    }

    [Fact]
    public void Exported_onnx_gives_the_probabilities_of_the_trained_module()
    {
        var (config, featurizer) = Setup();
        var model = StudentDistiller.Train(config, featurizer, Eight.Select(e => OneHot(e.Text, e.Label)).ToList(), new StudentTrainingOptions(Epochs: 20));
        Export(model, config);

        var texts = Eight.Select(e => e.Text).Append("an unseen text with words the model never saw").ToList();
        var expected = StudentDistiller.Predict(model, featurizer, texts);
        using var onnx = StudentClassifier.Open(_dir);
        var actual = onnx.Predict(texts);

        Assert.True(Max(expected, actual) < 1e-5, $"max |diff| {Max(expected, actual):E2}");
    }

    [Fact]
    public void Pair_student_exports_and_matches()
    {
        var (config, featurizer) = Setup(pair: true);
        var data = new List<DistillationExample> { OneHot("great movie", 1, "good movie"), OneHot("great movie", 0, "awful phone"), OneHot("i hate this", 1, "i hate this"), OneHot("love", 0, "hate") };
        var model = StudentDistiller.Train(config, featurizer, data, new StudentTrainingOptions(Epochs: 30, BatchSize: 2));
        Export(model, config);

        var a = data.Select(d => d.Text).ToList();
        var b = data.Select(d => d.TextB!).ToList();
        var expected = StudentDistiller.Predict(model, featurizer, a, b);
        using var onnx = StudentClassifier.Open(_dir);
        Assert.True(Max(expected, onnx.Predict(a, b)) < 1e-5);
    }

    [Fact]
    public void Bigram_buckets_are_stable_and_in_range()
    {
        Assert.Equal(StudentFeaturizer.Bucket(2023, 2204, 16384), StudentFeaturizer.Bucket(2023, 2204, 16384));
        Assert.NotEqual(StudentFeaturizer.Bucket(2023, 2204, 16384), StudentFeaturizer.Bucket(2204, 2023, 16384));
        for (int i = 0; i < 1000; i++) Assert.InRange(StudentFeaturizer.Bucket(i, i * 7 + 3, 100), 0, 99);
    }

    private void Export(StudentModel model, StudentConfig config)
    {
        StudentOnnxWriter.Write(model, Path.Combine(_dir, StudentClassifier.ModelFile));
        config.Save(_dir);
        File.WriteAllLines(Path.Combine(_dir, StudentClassifier.LabelsFile), ["negative", "positive"]);
    }

    private static double Max(float[][] x, float[][] y) =>
        x.Zip(y).SelectMany(p => p.First.Zip(p.Second, (u, v) => (double)Math.Abs(u - v))).Max();

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
