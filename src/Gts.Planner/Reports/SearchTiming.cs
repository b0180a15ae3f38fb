using Gts.Core.Metrics;
using Gts.Planner.Search;

namespace Gts.Planner.Reports;

/// <summary>Wall time of one full search (enumerate, check memory, rank), repeated, with the last result.</summary>
public sealed record SearchTiming(string Model, string Cluster, int Gpus, int GlobalBatch, MeanStd Seconds, SearchResult Result);
