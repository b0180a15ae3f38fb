using System.Globalization;
using System.IO.Compression;
using Gts.Core.Errors;
using nietras.SeparatedValues;

namespace Gts.Sim.Traces;

/// <summary>Reads a CSV trace (plain or .gz) with a header through Sep; each row is handed over as a
/// <see cref="TraceRow"/> whose accessors name file, line and column when a value is missing or malformed.</summary>
internal static class TraceTable
{
    public static List<T> Read<T>(string path, IReadOnlyList<string> required, Func<TraceRow, T> map)
    {
        if (!File.Exists(path))
            throw new GtsException(ErrorKind.NotFound, $"trace file '{path}' does not exist", "pass the right path (see `gts sim --help`) or fetch ../shared/data/traces", new SourceLocation(path));
        using var stream = File.OpenRead(path);
        using Stream data = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        using var text = new StreamReader(data);
        SepReader reader;
        try
        {
            reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).From(text);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException)
        {
            throw new GtsException(ErrorKind.InvalidInput, $"unreadable CSV header: {e.Message}", "give a CSV file with one header row", new SourceLocation(path, 1));
        }
        using (reader)
        {
            var names = reader.Header.ColNames;
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < names.Count; i++) index[names[i]] = i;
            foreach (var col in required)
                if (!index.ContainsKey(col))
                    throw new GtsException(ErrorKind.InvalidInput, $"the header lacks column '{col}' (it has {string.Join(", ", names)})",
                        $"use a trace with the columns {string.Join(",", required)}", new SourceLocation(path, 1, col));
            var result = new List<T>();
            var values = new string[names.Count];
            foreach (var row in reader)
            {
                for (int i = 0; i < values.Length; i++) values[i] = i < row.ColCount ? row[i].ToString() : "";
                result.Add(map(new TraceRow(path, row.LineNumberFrom, index, values)));
            }
            return result;
        }
    }
}

/// <summary>One row of a trace with typed accessors that fail with the file, line and column.</summary>
internal readonly struct TraceRow(string path, int line, Dictionary<string, int> index, string[] values)
{
    public int Line => line;

    public bool Has(string col) => index.ContainsKey(col);

    public string Text(string col) => values[index[col]];

    public double Number(string col)
    {
        string v = Text(col);
        if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d)) return d;
        throw new GtsException(ErrorKind.InvalidInput, $"'{v}' is not a number", $"write a number in column '{col}'", new SourceLocation(path, line, col));
    }

    public int Int(string col, int min = int.MinValue)
    {
        double d = Number(col);
        if (d != Math.Floor(d) || d < min || d > int.MaxValue)
            throw new GtsException(ErrorKind.InvalidInput, $"'{Text(col)}' is not a whole number ≥ {min}", $"write a whole number ≥ {min} in column '{col}'", new SourceLocation(path, line, col));
        return (int)d;
    }

    public GtsException Invalid(string col, string message, string fix) => new(ErrorKind.InvalidInput, message, fix, new SourceLocation(path, line, col));
}
