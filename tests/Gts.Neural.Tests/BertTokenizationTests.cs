using Gts.Core.Errors;
using Gts.Neural.Tokenization;

namespace Gts.Neural.Tests;

public sealed class BertTokenizationTests
{
    private static string[] Pieces(string text) =>
        PackagedModels.Tokenizer.EncodeWordPieces(text).Select(id => PackagedModels.Vocab[id]).ToArray();

    // Expected pieces are what the reference BasicTokenizer + WordPiece (do_lower_case) gives, worked out by hand from its rules:
    // lower-case, NFD + drop Mn marks, split every ASCII non-alphanumeric and Unicode P*, whitespace = \s incl. \t \n,
    // Cf characters deleted, each CJK ideograph its own word.
    [Theory]
    [InlineData("Café naïve RÉSUMÉ", new[] { "cafe", "naive", "resume" })]
    [InlineData("$1,299.99", new[] { "$", "1", ",", "299", ".", "99" })]
    [InlineData("one\ntwo\tthree\r\nfour", new[] { "one", "two", "three", "four" })]
    [InlineData("zero\u200Bwidth", new[] { "zero", "##wi", "##dt", "##h" })] // one word "zerowidth"; ##width is not in the vocabulary
    [InlineData("C++ <b>x</b> a|b ~x^2 = y", new[] { "c", "+", "+", "<", "b", ">", "x", "<", "/", "b", ">", "a", "|", "b", "~", "x", "^", "2", "=", "y" })]
    [InlineData("``Great'' snake_case", new[] { "`", "`", "great", "'", "'", "snake", "_", "case" })]
    [InlineData("我的美元", new[] { "我", "的", "美", "元" })]
    [InlineData("hello 😀 world", new[] { "hello", "[UNK]", "world" })]
    [InlineData("“quoted” — dash", new[] { "“", "quoted", "”", "—", "dash" })]
    public void Word_pieces_match_the_reference_basic_tokenizer(string text, string[] expected) =>
        Assert.Equal(expected, Pieces(text));

    [Fact]
    public void A_CJK_ideograph_outside_the_vocabulary_is_unknown_on_its_own_not_the_whole_sentence()
    {
        var pieces = Pieces("我爱中");
        Assert.Equal(3, pieces.Length);
        Assert.Equal("我", pieces[0]);
        Assert.Equal("中", pieces[2]);
    }

    [Fact]
    public void Encode_wraps_in_cls_and_sep_and_truncates_to_128_including_them()
    {
        var tok = PackagedModels.Tokenizer;
        Assert.Equal(new[] { 101, 7592, 102 }, tok.Encode("Hello"));
        var ids = tok.Encode(string.Join(' ', Enumerable.Repeat("word", 500)));
        Assert.Equal(128, ids.Length);
        Assert.Equal(101, ids[0]);
        Assert.Equal(102, ids[^1]);
        Assert.All(ids[1..^1], id => Assert.Equal(2773, id));
        Assert.Equal(new[] { 101, 102 }, tok.Encode(""));
    }

    [Fact]
    public void PreClean_turns_breaks_into_spaces_and_deletes_format_characters_only()
    {
        Assert.Equal("a b c d", BertTokenization.PreClean("a\tb\nc\rd"));
        Assert.Equal("ab", BertTokenization.PreClean("a\u200Bb\uFEFF"));
        const string untouched = "plain text, nothing to do";
        Assert.Same(untouched, BertTokenization.PreClean(untouched));
    }

    [Fact]
    public void A_missing_vocabulary_is_a_not_found_error_naming_the_file()
    {
        var e = Assert.Throws<GtsException>(() => BertTokenization.Create("/nonexistent/vocab.txt"));
        Assert.Equal(ErrorKind.NotFound, e.Kind);
        Assert.Contains("/nonexistent/vocab.txt", e.Describe(), StringComparison.Ordinal);
    }
}
