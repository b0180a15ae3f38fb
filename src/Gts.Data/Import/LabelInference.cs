using System.Globalization;
using Gts.Core.Data;

namespace Gts.Data.Import;

/// <summary>Infers a label set from the labels that occur in the data, in an order that does not depend on
/// the files: numeric order when every name is an integer ("0", "1", "10"), otherwise ordinal string order.</summary>
public static class LabelInference
{
    public static LabelSet Infer(IEnumerable<string> labelsSeen)
    {
        var distinct = labelsSeen.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0) return LabelSet.None;
        bool numeric = distinct.All(l => long.TryParse(l, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _));
        if (numeric)
            distinct.Sort((a, b) => long.Parse(a, CultureInfo.InvariantCulture).CompareTo(long.Parse(b, CultureInfo.InvariantCulture)) is var c && c != 0 ? c : string.CompareOrdinal(a, b));
        else
            distinct.Sort(StringComparer.Ordinal);
        return new LabelSet(distinct);
    }
}
