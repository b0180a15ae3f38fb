using System.Globalization;
using Gts.Core.Errors;

namespace Gts.Factory.Benchmarks;

/// <summary>The per-seed reference numbers of shared/notes/pretrained-encoders.md section 6 (the ```csv block), by grid cell.</summary>
public sealed class ReferenceTable
{
    private const string Header = "dataset,method,setting,k,seed,n_train,n_test,accuracy,macro_f1,mcc";
    private readonly Dictionary<string, ReferenceScore> _scores;

    private ReferenceTable(Dictionary<string, ReferenceScore> scores) => _scores = scores;

    public int Count => _scores.Count;

    /// <summary>Reads the first csv block whose header is the per-seed header; method "arctic" is stored as "arcticxs".</summary>
    public static ReferenceTable Load(string notePath)
    {
        if (!File.Exists(notePath))
            throw new GtsException(ErrorKind.NotFound, $"reference note not found: {notePath}",
                "pass --reference <path to pretrained-encoders.md>", new SourceLocation(notePath));
        var lines = File.ReadAllLines(notePath);
        int start = Array.FindIndex(lines, l => l.Trim() == Header);
        if (start < 0)
            throw new GtsException(ErrorKind.InvalidInput, $"no per-seed csv block (header '{Header}') in {notePath}",
                "point --reference at the encoder note that holds the per-seed numbers", new SourceLocation(notePath));
        var scores = new Dictionary<string, ReferenceScore>(StringComparer.Ordinal);
        for (int i = start + 1; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
        {
            var f = lines[i].Split(',');
            if (f.Length != 10
                || !int.TryParse(f[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out int k)
                || !int.TryParse(f[4], NumberStyles.Integer, CultureInfo.InvariantCulture, out int seed)
                || !double.TryParse(f[7], NumberStyles.Float, CultureInfo.InvariantCulture, out double accuracy)
                || !double.TryParse(f[8], NumberStyles.Float, CultureInfo.InvariantCulture, out double macroF1)
                || !double.TryParse(f[9], NumberStyles.Float, CultureInfo.InvariantCulture, out double mcc))
                throw new GtsException(ErrorKind.InvalidInput, $"malformed reference row: '{lines[i]}'",
                    $"each row needs the 10 fields {Header}", new SourceLocation(notePath, i + 1));
            var method = f[1] == "arctic" ? "arcticxs" : f[1];
            scores[new FewShotCell(f[0], method, f[2], k, seed).Key] = new ReferenceScore(accuracy, macroF1, mcc);
        }
        return new ReferenceTable(scores);
    }

    public ReferenceScore? Find(FewShotCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return _scores.TryGetValue(cell.Key, out var s) ? s : null;
    }
}
