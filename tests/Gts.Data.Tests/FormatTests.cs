using Gts.Core.Data;
using Gts.Data.Import;

namespace Gts.Data.Tests;

public sealed class FormatTests : IDisposable
{
    private static readonly LabelSet PosNeg = new(["negative", "positive"]);
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("train.jsonl")]
    [InlineData("train.jsonl.gz")]
    public void Jsonl_reads_text_label_and_line_in_file_order(string name)
    {
        var f = _dir.Write(name, "{\"text\": \"great \\\"value\\\" 好\", \"label\": \"positive\", \"id\": 3}\n\n{\"sentence\": \"awful\", \"label\": \"negative\"}\n");
        var examples = ExampleImporter.ReadLabeled(f, PosNeg);
        Assert.Equal(2, examples.Count);
        Assert.Equal(new Example("great \"value\" 好", null, 1, 1), examples[0]);
        Assert.Equal(new Example("awful", null, 0, 3), examples[1]);
    }

    [Fact]
    public void Csv_reads_quoted_fields_with_commas_quotes_and_newlines()
    {
        var f = _dir.Write("train.csv.gz", "id,review,category\n1,\"good, really \"\"good\"\"\",positive\n2,\"two\nlines\",negative\n3,plain,negative\n");
        var examples = ExampleImporter.ReadLabeled(f, PosNeg);
        Assert.Equal(3, examples.Count);
        Assert.Equal("good, really \"good\"", examples[0].Text);
        Assert.Equal("two\nlines", examples[1].Text);
        Assert.Equal(0, examples[1].Label);
        Assert.Equal(3, examples[1].Line);
        Assert.Equal(5, examples[2].Line);
    }

    [Fact]
    public void Tsv_reads_sentence_pairs()
    {
        var f = _dir.Write("dev.tsv", "sentence1\tsentence2\tlabel\nA man sleeps.\tA person rests.\tpositive\n");
        var e = Assert.Single(ExampleImporter.ReadLabeled(f, PosNeg));
        Assert.Equal(("A man sleeps.", "A person rests.", 1), (e.Text, e.TextB, e.Label));
    }

    [Fact]
    public void Column_names_can_be_overridden()
    {
        var f = _dir.Write("train.jsonl", "{\"body\": \"nice\", \"text\": \"not this\", \"y\": \"positive\"}\n");
        var options = new ImportOptions { Columns = ColumnNames.Default.With(text: "body", label: "y") };
        var e = Assert.Single(ExampleImporter.ReadLabeled(f, PosNeg, options));
        Assert.Equal(("nice", 1), (e.Text, e.Label));
    }

    [Fact]
    public void Numeric_json_labels_match_label_names()
    {
        var f = _dir.Write("train.jsonl", "{\"text\": \"x\", \"label\": 1}\n");
        var e = Assert.Single(ExampleImporter.ReadLabeled(f, new LabelSet(["0", "1"])));
        Assert.Equal(1, e.Label);
    }

    [Fact]
    public void Unlabeled_pool_ignores_labels_and_accepts_records_without_them()
    {
        var f = _dir.Write("unlabeled.jsonl", "{\"text\": \"a\"}\n{\"text\": \"b\", \"label\": \"whatever\"}\n");
        var pool = ExampleImporter.ReadUnlabeled(f);
        Assert.Equal(["a", "b"], pool.Select(e => e.Text));
        Assert.All(pool, e => Assert.False(e.IsLabeled));
    }

    [Fact]
    public void Plain_text_corpus_gives_one_text_per_non_blank_line()
    {
        var f = _dir.Write("corpus.txt.gz", "第一行\r\n\n  \nsecond line\n");
        var pool = ExampleImporter.ReadUnlabeled(f);
        Assert.Equal(["第一行", "second line"], pool.Select(e => e.Text));
        Assert.Equal([1, 4], pool.Select(e => e.Line));
    }

    [Fact]
    public void Utf8_byte_order_mark_is_skipped()
    {
        var f = _dir.WriteBytes("train.csv", [0xEF, 0xBB, 0xBF, .. "text,label\nhi,positive\n"u8.ToArray()]);
        Assert.Equal("hi", Assert.Single(ExampleImporter.ReadLabeled(f, PosNeg)).Text);
    }

    [Fact]
    public void Inferred_labels_are_ordinal_or_numeric_whatever_the_file_order()
    {
        Assert.Equal(["neg", "pos", "zero"], LabelInference.Infer(["zero", "pos", "neg", "pos"]).Names);
        Assert.Equal(["2", "10", "100"], LabelInference.Infer(["100", "2", "10"]).Names);
        Assert.Equal(0, LabelInference.Infer([]).Count);
    }

    [Fact]
    public void Label_file_gives_index_by_line()
    {
        var f = _dir.Write("labels.txt", "World\r\nSci/Tech\n\n");
        var labels = LabelFile.Read(f);
        Assert.Equal(["World", "Sci/Tech"], labels.Names);
    }
}
