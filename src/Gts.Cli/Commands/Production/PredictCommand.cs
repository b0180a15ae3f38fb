using System.ComponentModel;
using System.Text.Json;
using Gts.Core.Errors;
using Gts.Neural.Student;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gts.Cli.Commands.Production;

/// <summary>`gts predict --model &lt;dir&gt; [text...]`: labels texts with an exported student (ONNX Runtime only).
/// Texts come from the arguments, from --file (one per line; a tab separates the two texts of a pair) or from stdin.</summary>
internal sealed class PredictCommand : Command<PredictCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("-m|--model <DIR>")]
        [Description("Model directory written by `gts produce` (model.onnx, student.json, vocab.txt, labels.txt).")]
        public string Model { get; init; } = "";

        [CommandArgument(0, "[TEXT]")]
        [Description("Texts to label; none = read --file or stdin, one text per line.")]
        public string[] Texts { get; init; } = [];

        [CommandOption("-f|--file <PATH>")]
        [Description("A UTF-8 file with one text per line (pairs: text<TAB>text_b).")]
        public string? File { get; init; }

        [CommandOption("--json")]
        [Description("One JSON object per text: label and every label's probability.")]
        public bool Json { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Model) ? ValidationResult.Error("--model <DIR> is required") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var student = StudentClassifier.Open(settings.Model);
        var lines = ReadLines(settings).ToList();
        var a = new List<string>();
        var b = student.Config.Pair ? new List<string>() : null;
        for (int i = 0; i < lines.Count; i++)
        {
            if (b is null) { a.Add(lines[i]); continue; }
            var parts = lines[i].Split('\t', 2);
            if (parts.Length < 2)
                throw new GtsException(ErrorKind.InvalidInput, "this model classifies sentence pairs but the line has no tab-separated second text",
                    "write each pair as text<TAB>text_b", new SourceLocation(settings.File ?? "<stdin>", i + 1, "text_b"));
            a.Add(parts[0]);
            b.Add(parts[1]);
        }
        var probs = student.Predict(a, b);
        var names = student.Labels.Names;
        if (settings.Json)
        {
            for (int i = 0; i < probs.Length; i++)
                Console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    text = lines[i],
                    label = names[ArgMax(probs[i])],
                    probs = names.Select((n, k) => (n, p: probs[i][k])).ToDictionary(x => x.n, x => x.p),
                }));
            return 0;
        }
        var table = new Table().AddColumns("label", "p", "text");
        for (int i = 0; i < probs.Length; i++)
        {
            int k = ArgMax(probs[i]);
            table.AddRow(Markup.Escape(names[k]), probs[i][k].ToString("F3", System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(lines[i]));
        }
        AnsiConsole.Write(table);
        return 0;
    }

    private static IEnumerable<string> ReadLines(Settings settings)
    {
        if (settings.Texts.Length > 0) return settings.Texts;
        if (settings.File is not null)
        {
            if (!System.IO.File.Exists(settings.File))
                throw new GtsException(ErrorKind.NotFound, $"input file '{settings.File}' does not exist", "pass a UTF-8 text file with one text per line");
            return System.IO.File.ReadLines(settings.File).Where(l => l.Length > 0);
        }
        return ReadStdin();
    }

    private static IEnumerable<string> ReadStdin()
    {
        string? line;
        while ((line = Console.In.ReadLine()) is not null)
            if (line.Length > 0) yield return line;
    }

    private static int ArgMax(float[] p)
    {
        int best = 0;
        for (int k = 1; k < p.Length; k++) if (p[k] > p[best]) best = k;
        return best;
    }
}
