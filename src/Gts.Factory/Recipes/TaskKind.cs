namespace Gts.Factory.Recipes;

/// <summary>The kind of classification task a recipe asks for.</summary>
public enum TaskKind
{
    /// <summary>One text in, one label out (sentiment, topic, intent).</summary>
    SingleText,

    /// <summary>Two texts in, one label out (similarity, natural-language inference).</summary>
    SentencePair,
}
