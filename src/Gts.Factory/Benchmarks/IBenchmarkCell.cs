namespace Gts.Factory.Benchmarks;

/// <summary>A cell of a benchmark grid: its key names its cached result file.</summary>
public interface IBenchmarkCell
{
    string Key { get; }
}
