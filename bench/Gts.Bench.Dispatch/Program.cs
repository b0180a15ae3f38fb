using System.Diagnostics;
using System.Globalization;
using System.Text;
using Gts.Bench.Dispatch;

// Head to head: the same compressed Philly jobs as sleep jobs, once through Slurm's own scheduler on the fake
// Slurm cluster (start-slurm-ci.sh) and once through the gts dispatcher with the local executor; the result
// goes between the dispatch markers of docs/BENCHMARKS.md under "### Slurm head to head".
var opts = Options.Parse(args);
var root = Options.RepoRoot();
var trace = opts.Get("trace", Path.Combine(root, "..", "shared", "data", "traces", "philly", "jobs.csv.gz"));
int count = int.Parse(opts.Get("jobs", "250"), CultureInfo.InvariantCulture), first = int.Parse(opts.Get("first-job", "40000"), CultureInfo.InvariantCulture);
double compress = double.Parse(opts.Get("compress", "200"), CultureInfo.InvariantCulture), cap = double.Parse(opts.Get("cap", "60"), CultureInfo.InvariantCulture);
int nodes = int.Parse(Environment.GetEnvironmentVariable("SLURM_CI_NODE_COUNT") ?? "4", CultureInfo.InvariantCulture);
int gpus = int.Parse(Environment.GetEnvironmentVariable("SLURM_CI_GPUS_PER_NODE") ?? "4", CultureInfo.InvariantCulture);
int cpus = int.Parse(Environment.GetEnvironmentVariable("SLURM_CI_CPUS_PER_NODE") ?? "8", CultureInfo.InvariantCulture);
var slurmConf = Environment.GetEnvironmentVariable("SLURM_CONF")
    ?? throw new InvalidOperationException("SLURM_CONF is not set: start the cluster with ../shared/tools/slurm/start-slurm-ci.sh and source its env file.");

var jobs = PhillyWindow.Read(trace, first, count, compress, cap, nodes * gpus);
Console.WriteLine(PhillyWindow.Describe(jobs));
var work = Directory.CreateTempSubdirectory("gts-bench-h2h-").FullName;
var load0 = File.ReadAllText("/proc/loadavg").Split(' ')[0];

var sw = Stopwatch.StartNew();
var slurm = await SlurmMode.RunAsync(jobs, slurmConf, Path.Combine(work, "slurm"), gpus, CancellationToken.None);
var slurmWall = sw.Elapsed.TotalSeconds;
Console.WriteLine($"slurm: mean JCT {slurm.Average():F1} s, wall {slurmWall:F0} s");
var load1 = File.ReadAllText("/proc/loadavg").Split(' ')[0];

var gts = Path.Combine(AppContext.BaseDirectory, "gts.dll");
sw.Restart();
var ours = await GtsMode.RunAsync(jobs, Path.Combine(work, "gts"), ["dotnet", gts], nodes, gpus, cpus, CancellationToken.None);
var oursWall = sw.Elapsed.TotalSeconds;
Console.WriteLine($"gts: mean JCT {ours.Average():F1} s, wall {oursWall:F0} s");
var load2 = File.ReadAllText("/proc/loadavg").Split(' ')[0];

string Row(string name, List<double> jct, double wall)
{
    var mean = jct.Average();
    var std = Math.Sqrt(jct.Sum(x => (x - mean) * (x - mean)) / Math.Max(1, jct.Count - 1));
    var p95 = jct.Order().ElementAt((int)Math.Ceiling(0.95 * jct.Count) - 1);
    return string.Create(CultureInfo.InvariantCulture, $"| {name} | {mean:F1} ± {std:F1} | {PhillyWindow.Median(jct):F1} | {p95:F1} | {wall:F0} |");
}

var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "unknown CPU";
var md = new StringBuilder();
md.AppendLine("### Slurm head to head").AppendLine();
md.AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {cpu}, {Environment.ProcessorCount} cores (shared with other work; 1-minute load average {load0} before, {load1} after Slurm, {load2} after gts).");
md.AppendLine(CultureInfo.InvariantCulture, $"Command: `dotnet run --project bench/Gts.Bench.Dispatch -- --jobs {count} --first-job {first} --compress {compress} --cap {cap}` with the cluster of `../shared/tools/slurm/start-slurm-ci.sh --nodes {nodes} --gpus {gpus}` (Slurm 22.05, sched/backfill, bf_interval=2, cons_tres) running and its env file sourced.");
md.AppendLine(CultureInfo.InvariantCulture, $"Data: Philly job table (`../shared/data/traces/philly/jobs.csv.gz`), {PhillyWindow.Describe(jobs)}; submit times and durations divided by {compress}, sleeps capped at {cap} s, jobs wider than the cluster left out; no randomness (no seed).");
md.AppendLine(CultureInfo.InvariantCulture, $"Both schedulers get the same jobs at the same moments, the same GPU/node shapes (more than {gpus} GPUs = whole nodes) and the same whole-minute time limits. Slurm runs `sleep` through sbatch on {nodes} slurmd nodes × {gpus} fake GPUs; gts places the step with its Level 1/2 cycle (FIFO + backfill) on a local pool of {nodes} virtual nodes × {gpus} GPUs × {cpus} CPUs and the local executor runs `gts worker step` (a .NET process start, SQLite result write) around the sleep.");
md.AppendLine();
md.AppendLine("| scheduler | mean JCT (s) ± std over jobs | median JCT (s) | p95 JCT (s) | wall time (s) |");
md.AppendLine("| --- | ---: | ---: | ---: | ---: |");
md.AppendLine(Row("Slurm (sched/backfill, sbatch)", slurm, slurmWall));
md.AppendLine(Row("gts (dispatcher, local executor)", ours, oursWall));
md.AppendLine();
md.AppendLine(CultureInfo.InvariantCulture, $"**Mean JCT ratio gts / Slurm: {ours.Average() / slurm.Average():F3}** (one run of each; JCT = end − submit as each side records it: Slurm's EndTime has whole-second resolution). Not separated in this run: how much of the gap is the per-job start of a .NET `gts worker` process (Slurm starts a bare `sleep`) on this shared 2-core machine at the load averages above.");
Options.WriteSection(Path.Combine(root, "docs", "BENCHMARKS.md"), md.ToString());
Console.WriteLine(md);
