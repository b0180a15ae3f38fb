namespace Gts.Dispatch.Scheduling.Level2;

/// <summary>Where a step stands in a queue: lower <see cref="Class"/> first, then lower <see cref="Value"/>.</summary>
public readonly record struct OrderKey(int Class, double Value) : IComparable<OrderKey>
{
    public int CompareTo(OrderKey other) => Class != other.Class ? Class.CompareTo(other.Class) : Value.CompareTo(other.Value);

    public static bool operator <(OrderKey a, OrderKey b) => a.CompareTo(b) < 0;
    public static bool operator >(OrderKey a, OrderKey b) => a.CompareTo(b) > 0;
    public static bool operator <=(OrderKey a, OrderKey b) => a.CompareTo(b) <= 0;
    public static bool operator >=(OrderKey a, OrderKey b) => a.CompareTo(b) >= 0;
}
