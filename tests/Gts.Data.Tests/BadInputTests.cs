using Gts.Core.Data;
using Gts.Core.Errors;
using Gts.Data.Folders;
using Gts.Data.Import;
using Gts.Data.Sampling;

namespace Gts.Data.Tests;

public sealed class BadInputTests : IDisposable
{
    private static readonly LabelSet PosNeg = new(["negative", "positive"]);
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private static GtsException Fails(Action read) => Assert.Throws<GtsException>(read);

    private static void AssertPlace(GtsException e, string file, int line, string? field, string fixWord)
    {
        Assert.NotNull(e.Location);
        Assert.Equal(file, e.Location!.File);
        Assert.Equal(line, e.Location.Line);
        Assert.Equal(field, e.Location.Field);
        Assert.False(string.IsNullOrWhiteSpace(e.Fix));
        Assert.Contains(fixWord, e.Fix!, StringComparison.OrdinalIgnoreCase);
        var described = e.Describe();
        Assert.Contains(file + ":" + line, described, StringComparison.Ordinal);
        if (field is not null) Assert.Contains($"field '{field}'", described, StringComparison.Ordinal);
        Assert.Contains("fix:", described, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_names_the_line_and_byte()
    {
        var f = _dir.Write("train.jsonl", "{\"text\": \"fine\", \"label\": \"positive\"}\n{\"text\": \"broken, \"label\": \"negative\"}\n");
        var e = Fails(() => ExampleImporter.ReadLabeled(f, PosNeg));
        Assert.Equal(ErrorKind.InvalidInput, e.Kind);
        AssertPlace(e, f, 2, null, "JSON object");
        Assert.Contains("malformed JSON at byte", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_line_that_is_not_an_object_is_rejected()
    {
        var f = _dir.Write("train.jsonl", "[\"text\", \"positive\"]\n");
        var e = Fails(() => ExampleImporter.ReadLabeled(f, PosNeg));
        AssertPlace(e, f, 1, null, "JSON object");
    }

    [Fact]
    public void Csv_row_with_wrong_field_count_names_the_line()
    {
        var f = _dir.Write("train.csv", "text,label\ngood phone,positive\nbad, slow, phone,negative\n");
        var e = Fails(() => ExampleImporter.ReadLabeled(f, PosNeg));
        AssertPlace(e, f, 3, null, "Quote fields");
        Assert.Contains("4 fields, the header has 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_unclosed_quote_is_reported_at_the_row_where_it_opens()
    {
        var f = _dir.Write("train.csv", "text,label\n\"fine\",positive\n\"never closed,negative\nnext,positive\n");
        var e = Fails(() => ExampleImporter.ReadLabeled(f, PosNeg));
        AssertPlace(e, f, 3, null, "close every quote");
    }

    [Fact]
    public void Missing_text_field_names_the_field_and_the_option()
    {
        var f = _dir.Write("train.jsonl", "{\"text\": \"ok\", \"label\": \"positive\"}\n{\"body\": \"no text\", \"label\": \"negative\"}\n");
        var e = Fails(() => ExampleImporter.ReadLabeled(f, PosNeg));
        AssertPlace(e, f, 2, "text", "--text-column");
    }

    [Fact]
    public void Missing_text_column_in_csv_header_is_reported_at_line_1()
    {
        var f = _dir.Write("train.csv", "body,label\nhello,positive\n");
        var e = Fails(() => ExampleImporter.ReadLabeled(f, PosNeg));
        AssertPlace(e, f, 1, "text", "--text-column");
        Assert.Contains("body, label", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_text_names_the_field()
    {
        var f = _dir.Write("train.jsonl", "{\"text\": \"ok\", \"label\": \"positive\"}\n{\"text\": \"   \", \"label\": \"negative\"}\n");
        var e = Fails(() => ExampleImporter.ReadLabeled(f, PosNeg));
        AssertPlace(e, f, 2, "text", "Fill in the text");
    }

    [Fact]
    public void Empty_text_in_tsv_names_the_column()
    {
        var f = _dir.Write("test.tsv", "sentence\tlabel\nnice\tpositive\n\tnegative\n");
        var e = Fails(() => ExampleImporter.ReadLabeled(f, PosNeg));
        AssertPlace(e, f, 3, "sentence", "Fill in the text");
    }

    [Fact]
    public void Label_outside_the_label_set_names_line_field_and_the_labels()
    {
        var f = _dir.Write("train.jsonl", TempFolder.Jsonl(("good", "positive"), ("meh", "neutral")));
        var e = Fails(() => ExampleImporter.ReadLabeled(f, PosNeg));
        AssertPlace(e, f, 2, "label", "labels.txt");
        Assert.Contains("'neutral' is not in the label set (negative, positive)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_label_in_a_labelled_file_is_an_error()
    {
        var f = _dir.Write("train.jsonl", "{\"text\": \"good\", \"label\": \"positive\"}\n{\"text\": \"no label\"}\n");
        var e = Fails(() => ExampleImporter.ReadLabeled(f, PosNeg));
        AssertPlace(e, f, 2, "label", "unlabeled");
    }

    [Fact]
    public void Too_few_examples_for_the_shots_is_infeasible_and_names_class_and_counts()
    {
        var examples = Enumerable.Range(0, 10).Select(i => new Example($"p{i}", null, 1, i + 1))
            .Concat(Enumerable.Range(0, 3).Select(i => new Example($"n{i}", null, 0, i + 20))).ToList();
        var e = Fails(() => FewShotSampler.SampleStratified(examples, PosNeg, 8, 0, "train.jsonl"));
        Assert.Equal(ErrorKind.Infeasible, e.Kind);
        Assert.Contains("'negative' has 3", e.Message, StringComparison.Ordinal);
        Assert.Contains("fewer than 8", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("positive", e.Message, StringComparison.Ordinal);
        Assert.Equal("train.jsonl", e.Location!.File);
        Assert.Equal("label", e.Location.Field);
        Assert.Contains("at most 3 shots", e.Fix!, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_reported_with_line_and_byte()
    {
        var good = "{\"text\": \"fine\", \"label\": \"positive\"}\n"u8.ToArray();
        var bad = "{\"text\": \"caf"u8.ToArray().Concat(new byte[] { 0xE9 }).Concat("\", \"label\": \"negative\"}\n"u8.ToArray()).ToArray();
        var f = _dir.WriteBytes("train.jsonl.gz", good.Concat(bad).ToArray());
        var e = Fails(() => ExampleImporter.ReadLabeled(f, PosNeg));
        AssertPlace(e, f, 2, null, "UTF-8");
        Assert.Contains("byte 14", e.Message, StringComparison.Ordinal);
        Assert.Contains("0xE9", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_utf8_bytes_in_csv_are_reported_with_their_line()
    {
        var bytes = "text,label\nok,positive\n"u8.ToArray().Concat(new byte[] { 0xFF, (byte)',', (byte)'x', (byte)'\n' }).ToArray();
        var f = _dir.WriteBytes("train.csv", bytes);
        var e = Fails(() => ExampleImporter.ReadLabeled(f, PosNeg));
        AssertPlace(e, f, 3, null, "UTF-8");
    }

    [Fact]
    public void Record_over_the_size_limit_names_the_line_and_the_option()
    {
        var big = new string('a', 300);
        var f = _dir.Write("train.jsonl", TempFolder.Jsonl(("short", "positive"), (big, "negative"), ("short too", "negative")));
        var e = Fails(() => ExampleImporter.ReadLabeled(f, PosNeg, new ImportOptions { MaxRecordBytes = 100 }));
        AssertPlace(e, f, 2, null, "--max-record-bytes");
        Assert.Contains("over the limit of 100 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_over_the_size_limit_is_caught_without_a_newline_in_sight()
    {
        var f = _dir.Write("unlabeled.txt", "first\n" + new string('x', 500_000));
        var e = Fails(() => ExampleImporter.ReadUnlabeled(f, new ImportOptions { MaxRecordBytes = 1000 }));
        AssertPlace(e, f, 2, null, "newlines");
    }

    [Fact]
    public void Pair_file_with_a_record_lacking_text_b_is_rejected()
    {
        var f = _dir.Write("train.jsonl", "{\"text\": \"a\", \"text_b\": \"b\", \"label\": \"positive\"}\n{\"text\": \"c\", \"label\": \"negative\"}\n");
        var e = Fails(() => ExampleImporter.ReadLabeled(f, PosNeg));
        AssertPlace(e, f, 2, "text_b", "none of them");
    }

    [Fact]
    public void Text_that_is_not_a_string_is_rejected()
    {
        var f = _dir.Write("train.jsonl", "{\"text\": [\"a\"], \"label\": \"positive\"}\n");
        var e = Fails(() => ExampleImporter.ReadLabeled(f, PosNeg));
        AssertPlace(e, f, 1, "text", "as a string");
    }

    [Fact]
    public void Duplicate_label_in_label_file_names_both_lines()
    {
        var f = _dir.Write("labels.txt", "negative\npositive\nnegative\n");
        var e = Fails(() => LabelFile.Read(f));
        AssertPlace(e, f, 3, null, "once");
        Assert.Contains("line 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_that_claims_gzip_but_is_not_is_rejected()
    {
        var f = System.IO.Path.Combine(_dir.Path, "train.jsonl.gz");
        File.WriteAllText(f, "{\"text\": \"plain\", \"label\": \"positive\"}\n");
        var e = Fails(() => ExampleImporter.ReadLabeled(f, PosNeg));
        Assert.Equal(ErrorKind.InvalidInput, e.Kind);
        AssertPlace(e, f, 1, null, "gzip");
    }

    [Fact]
    public void Missing_folder_is_not_found()
    {
        var e = Fails(() => DatasetFolder.Load(System.IO.Path.Combine(_dir.Path, "nope")));
        Assert.Equal(ErrorKind.NotFound, e.Kind);
    }

    [Fact]
    public void Splits_of_different_shape_are_rejected()
    {
        _dir.Write("labels.txt", "negative\npositive\n");
        _dir.Write("train.jsonl", TempFolder.Jsonl(("good", "positive")));
        var test = _dir.Write("test.jsonl", "{\"text\": \"a\", \"text_b\": \"b\", \"label\": \"positive\"}\n");
        var e = Fails(() => DatasetFolder.Load(_dir.Path));
        AssertPlace(e, test, 1, "text_b", "same shape");
    }
}
