using System.Globalization;

namespace Gts.Cli.Commands.Bench;

/// <summary>One (data set, seed) cell of the few-shot experiment, one CSV row in docs/bench-engine/fewshot.csv.</summary>
internal sealed record FewShotRun(string Dataset, int Seed, int Shots, int Train, int Test, double Frozen, double SetFit, double? NoteFrozen,
    double TrainSeconds, long Tokens, double TokensPerSecond, double PeakMb, int Pairs, string Load)
{
    public const string Header = "dataset,seed,k,n_train,n_test,frozen_acc,setfit_acc,note_frozen_acc,train_s,tokens,tokens_per_s,peak_rss_mb,pairs,load";

    public string ToCsv() => string.Join(",", Dataset, Seed, Shots, Train, Test, Fmt(Frozen, 4), Fmt(SetFit, 4), NoteFrozen is { } n ? Fmt(n, 4) : "",
        Fmt(TrainSeconds, 1), Tokens, Fmt(TokensPerSecond, 0), Fmt(PeakMb, 0), Pairs, Load);

    public static FewShotRun Parse(string line)
    {
        var f = line.Split(',');
        double D(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
        return new FewShotRun(f[0], int.Parse(f[1], CultureInfo.InvariantCulture), int.Parse(f[2], CultureInfo.InvariantCulture), int.Parse(f[3], CultureInfo.InvariantCulture),
            int.Parse(f[4], CultureInfo.InvariantCulture), D(5), D(6), f[7].Length == 0 ? null : D(7), D(8), long.Parse(f[9], CultureInfo.InvariantCulture), D(10), D(11),
            int.Parse(f[12], CultureInfo.InvariantCulture), f[13]);
    }

    private static string Fmt(double v, int digits) => v.ToString("F" + digits, CultureInfo.InvariantCulture);
}
