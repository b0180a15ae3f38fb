namespace Gts.Neural.Models;

/// <summary>How token states become one sentence vector.</summary>
public enum PoolingMode
{
    /// <summary>Mean over the real tokens ([CLS] and [SEP] included, padding excluded), as sentence-transformers' MiniLM.</summary>
    Mean,

    /// <summary>The state of token 0 ([CLS]), as Snowflake arctic-embed.</summary>
    Cls,
}
