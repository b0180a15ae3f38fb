using Gts.Neural.Embeddings;
using Gts.Neural.Models;

namespace Gts.Neural.Tests;

public sealed class SentencePoolingTests
{
    // 3 real tokens + 1 padding row, hidden 2.
    private static readonly float[] States = [3, 0, 1, 2, 2, 1, 100, -100];

    [Fact]
    public void Mean_pooling_averages_the_real_tokens_only_then_normalises()
    {
        var v = SentencePooling.Pool(States, realTokens: 3, hidden: 2, PoolingMode.Mean);
        // mean (2, 1) -> / sqrt(5)
        Assert.Equal(2 / Math.Sqrt(5), v[0], 6);
        Assert.Equal(1 / Math.Sqrt(5), v[1], 6);
    }

    [Fact]
    public void Cls_pooling_takes_token_zero_then_normalises()
    {
        var v = SentencePooling.Pool(States, realTokens: 3, hidden: 2, PoolingMode.Cls);
        Assert.Equal(new[] { 1f, 0f }, v);
    }

    [Fact]
    public void A_zero_vector_stays_zero_instead_of_dividing_by_zero()
    {
        var v = SentencePooling.Pool(new float[4], 2, 2, PoolingMode.Mean);
        Assert.Equal(new[] { 0f, 0f }, v);
    }

    [Fact]
    public void Pair_features_are_u_v_absolute_difference_and_product()
    {
        var f = PairFeatures.Combine([1f, -2f], [3f, 0.5f]);
        Assert.Equal(new[] { 1f, -2f, 3f, 0.5f, 2f, 2.5f, 3f, -1f }, f);
        Assert.Throws<ArgumentException>(() => PairFeatures.Combine([1f], [1f, 2f]));
    }

    [Fact]
    public void Length_batches_are_sorted_stably_and_cover_every_index_once()
    {
        var batches = LengthBatches.Plan([5, 2, 5, 1, 2], batchSize: 2);
        Assert.Equal(new[] { new[] { 3, 1 }, new[] { 4, 0 }, new[] { 2 } }, batches);
    }
}
