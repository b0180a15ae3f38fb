using Gts.Factory.Baselines;
using Gts.Factory.Recipes;

namespace Gts.Factory.Tests.Baselines;

public sealed class TfidfTests
{
    [Fact]
    public void Word_block_matches_hand_computed_sublinear_smooth_idf_values()
    {
        // d1 = "ab cd", d2 = "cd cd ef": terms ab, cd, "ab cd", ef, "cd cd", "cd ef"; idf(df=1) = ln(3/2) + 1, idf(df=2) = 1.
        var block = TfidfBlock.Fit(["AB cd", "cd cd ef x"], NGramKind.Word, 1, 2);
        Assert.Equal(6, block.Width);
        double rare = Math.Log(1.5) + 1;
        Assert.Equal(rare, block.IdfOf("ab cd"), 12);
        Assert.Equal(1.0, block.IdfOf("cd"), 12);
        Assert.True(double.IsNaN(block.IdfOf("x")), "single-character tokens are not tokens (\\b\\w\\w+\\b)");

        var d2 = block.Transform("cd cd ef");
        double cd = 1 + Math.Log(2), norm = Math.Sqrt(cd * cd + 3 * rare * rare);
        var terms = new[] { "ab", "ab cd", "cd", "cd cd", "cd ef", "ef" }; // ordinal column order
        Assert.Equal(cd / norm, d2[Array.IndexOf(terms, "cd")], 12);
        Assert.Equal(rare / norm, d2[Array.IndexOf(terms, "cd ef")], 12);
        Assert.Equal(0, d2[Array.IndexOf(terms, "ab")]);
        Assert.Empty(block.Transform("zz qq").Indices);
    }

    [Fact]
    public void Char_wb_pads_words_and_counts_a_short_word_once()
    {
        var grams = NGramAnalyzer.Analyze("Ab  c", NGramKind.CharWordBounded, 2, 4);
        Assert.Equal(new[] { " a", "ab", "b ", " ab", "ab ", " ab ", " c", "c ", " c " }, grams);
    }

    [Fact]
    public void Char_ngrams_run_over_the_whole_text_by_code_point_and_squeeze_only_runs_of_whitespace()
    {
        Assert.Equal(new[] { "a", "b", " ", "c", "ab", "b ", " c" }, NGramAnalyzer.Analyze("ab  c", NGramKind.Char, 1, 2));
        Assert.Equal(new[] { "a", "\n", "b" }, NGramAnalyzer.Analyze("a\nb", NGramKind.Char, 1, 1));
        Assert.Equal(new[] { "a", "😀", "a😀" }, NGramAnalyzer.Analyze("a😀", NGramKind.Char, 1, 2));
    }

    [Fact]
    public void English_blocks_are_normalised_separately_and_chinese_uses_characters()
    {
        var english = TfidfFeaturizer.Fit(["good movie", "bad movie"], Language.Auto);
        Assert.Equal(2, english.Blocks.Count);
        var row = english.Transform("good movie");
        double squared = row.Values.Sum(v => v * v);
        Assert.Equal(2.0, squared, 10);

        var chinese = TfidfFeaturizer.Fit(["很好看", "不好看"], Language.Auto);
        Assert.Single(chinese.Blocks);
        Assert.Equal(NGramKind.Char, chinese.Blocks[0].Kind);
    }

    [Fact]
    public void Pair_rows_hold_u_v_absolute_difference_and_product_in_four_blocks()
    {
        var u = new SparseVector([0, 2], [0.6, 0.8]);
        var v = new SparseVector([1, 2], [1.0, 0.5]);
        var p = PairVectors.Combine(u, v, width: 3);
        Assert.Equal(new[] { 0, 2, 4, 5, 6, 7, 8, 11 }, p.Indices);
        Assert.Equal(new[] { 0.6, 0.8, 1.0, 0.5, 0.6, 1.0, 0.8 - 0.5, 0.4 }, p.Values, new ToleranceComparer(1e-12));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
