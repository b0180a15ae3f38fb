using Gts.Core.Errors;
using Gts.Data.Folders;
using Gts.Data.Validation;

namespace Gts.Data.Tests;

public sealed class FolderTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Folder_loads_splits_labels_pool_and_extra_splits()
    {
        _dir.Write("labels.txt", "1\n0\n");
        _dir.Write("train.jsonl.gz", "{\"id\": 0, \"text\": \"a\", \"text_b\": \"b\", \"label\": \"0\"}\n{\"text\": \"c\", \"text_b\": \"d\", \"label\": \"1\"}\n");
        _dir.Write("dev.jsonl.gz", "{\"text\": \"e\", \"text_b\": \"f\", \"label\": \"1\"}\n");
        _dir.Write("test.jsonl.gz", "{\"text\": \"g\", \"text_b\": \"h\", \"label\": \"0\"}\n");
        _dir.Write("unlabeled.jsonl.gz", "{\"text\": \"i\", \"text_b\": \"j\"}\n");
        _dir.Write("splits/train_1.jsonl.gz", "{\"text\": \"c\", \"text_b\": \"d\", \"label\": \"1\"}\n");
        _dir.Write("splits/train_0.jsonl.gz", "{\"text\": \"a\", \"text_b\": \"b\", \"label\": \"0\"}\n");
        var d = DatasetFolder.Load(_dir.Path);
        Assert.True(d.IsPair);
        Assert.Equal(["1", "0"], d.Labels.Names);
        Assert.Equal([1, 0], d.Train.Select(e => e.Label));
        Assert.Single(d.Dev);
        Assert.Single(d.Test);
        Assert.False(Assert.Single(d.Unlabeled).IsLabeled);
        Assert.Equal(["train_0", "train_1"], d.ExtraSplits.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(1, Assert.Single(d.ExtraSplits["train_0"]).Label);
        Assert.Equal(Path.GetFileName(_dir.Path), d.Name);
    }

    [Fact]
    public void Folder_without_label_file_infers_labels_from_all_labelled_splits()
    {
        _dir.Write("train.csv", "text,label\nx,pos\ny,neg\n");
        _dir.Write("test.csv", "text,label\nz,neutral\n");
        var d = DatasetFolder.Load(_dir.Path);
        Assert.Equal(["neg", "neutral", "pos"], d.Labels.Names);
        Assert.Equal(1, d.Test[0].Label);
    }

    [Fact]
    public void Raw_corpus_folder_loads_as_unlabeled_text_with_no_labels()
    {
        _dir.Write("corpus.txt.gz", "一\n二\n");
        var d = DatasetFolder.Load(_dir.Path);
        Assert.Equal(0, d.Labels.Count);
        Assert.Equal(2, d.Unlabeled.Count);
        Assert.Empty(d.Train);
    }

    [Fact]
    public void Two_files_for_one_split_are_ambiguous()
    {
        _dir.Write("train.jsonl", "{\"text\": \"a\", \"label\": \"x\"}\n");
        _dir.Write("train.csv", "text,label\na,x\n");
        var e = Assert.Throws<GtsException>(() => DatasetFolder.Load(_dir.Path));
        Assert.Contains("train.jsonl", e.Message, StringComparison.Ordinal);
        Assert.Contains("train.csv", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlap_between_train_and_test_is_a_warning_with_count_and_examples()
    {
        _dir.Write("labels.txt", "negative\npositive\n");
        _dir.Write("train.jsonl", TempFolder.Jsonl(("same text", "positive"), ("only train", "negative")));
        _dir.Write("test.jsonl", TempFolder.Jsonl(("other", "negative"), (" same text ", "negative")));
        var result = DatasetValidator.Validate(_dir.Path);
        Assert.True(result.IsValid);
        var w = Assert.Single(result.Warnings);
        Assert.Equal(OverlapCheck.TrainTest, w.Code);
        Assert.Equal(1, w.Count);
        Assert.Contains("1 of 2 test texts", w.Message, StringComparison.Ordinal);
        Assert.Equal("test line 2:  same text ", Assert.Single(w.Examples));
    }

    [Fact]
    public void Validator_reports_the_first_error_of_every_bad_file()
    {
        _dir.Write("labels.txt", "negative\npositive\n");
        var train = _dir.Write("train.jsonl", TempFolder.Jsonl(("ok", "positive"), ("bad", "neutral"), ("bad too", "neutral")));
        var test = _dir.Write("test.jsonl", "{\"text\": \"ok\", \"label\": \"positive\"}\nnot json\n");
        var result = DatasetValidator.Validate(_dir.Path);
        Assert.False(result.IsValid);
        Assert.Null(result.Dataset);
        Assert.Equal([(train, 2), (test, 2)], result.Errors.Select(e => (e.Location!.File, e.Location.Line)));
    }

    [Fact]
    public void Validator_checks_shots_against_the_training_split()
    {
        _dir.Write("labels.txt", "negative\npositive\n");
        var train = _dir.Write("train.jsonl", TempFolder.Jsonl(("a", "positive"), ("b", "positive"), ("c", "negative")));
        Assert.True(DatasetValidator.Validate(_dir.Path, shots: 1).IsValid);
        var e = Assert.Single(DatasetValidator.Validate(_dir.Path, shots: 2).Errors);
        Assert.Equal(ErrorKind.Infeasible, e.Kind);
        Assert.Equal(train, e.Location!.File);
        Assert.Contains("'negative' has 1", e.Message, StringComparison.Ordinal);
    }
}
