using System.Collections.Frozen;

namespace Gts.Core.Data;

/// <summary>The ordered label names of a task; a label's index is its position.</summary>
public sealed class LabelSet
{
    private readonly FrozenDictionary<string, int> _index;

    public LabelSet(IEnumerable<string> names)
        : this(names, allowEmpty: false)
    {
    }

    private LabelSet(IEnumerable<string> names, bool allowEmpty)
    {
        ArgumentNullException.ThrowIfNull(names);
        Names = names.ToArray();
        if (Names.Count == 0 && !allowEmpty) throw new ArgumentException("A label set needs at least one label.", nameof(names));
        var dict = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Names.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Names[i]))
                throw new ArgumentException($"Label {i} is empty.", nameof(names));
            if (!dict.TryAdd(Names[i], i))
                throw new ArgumentException($"Label '{Names[i]}' occurs twice (positions {dict[Names[i]]} and {i}).", nameof(names));
        }
        _index = dict.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The empty label set of a data set that is only unlabeled text (a raw corpus).</summary>
    public static LabelSet None { get; } = new([], allowEmpty: true);

    /// <summary>Label names in index order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Number of labels.</summary>
    public int Count => Names.Count;

    /// <summary>The index of a label name, or -1 when the name is not in the set.</summary>
    public int IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : -1;

    /// <summary>The label name at an index.</summary>
    public string this[int index] => Names[index];

    public override string ToString() => string.Join(", ", Names);
}
