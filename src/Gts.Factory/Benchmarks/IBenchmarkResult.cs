namespace Gts.Factory.Benchmarks;

/// <summary>A cached cell result: the cell it belongs to and the protocol version it was measured under.</summary>
public interface IBenchmarkResult<out TCell>
{
    TCell Cell { get; }

    int Protocol { get; }
}
