using System.Text.Json;
using Gts.Core.Errors;

namespace Gts.Planner.Models;

/// <summary>Reads a model from a preset name or a JSON file
/// (<c>{"name":..., "layers":..., "hidden":..., "heads":..., "ffnHidden":..., "vocab":..., "seqLength":..., "gatedMlp":false}</c>)
/// and checks that its dimensions divide.</summary>
public static class ModelFile
{
    /// <summary>A preset by name, else the JSON file at that path.</summary>
    public static TransformerModel Load(string presetOrPath)
    {
        if (ModelPresets.Find(presetOrPath) is { } preset) return preset;
        if (!File.Exists(presetOrPath))
            throw new GtsException(ErrorKind.NotFound, $"'{presetOrPath}' is neither a model preset nor a file",
                "name a preset (" + string.Join(", ", ModelPresets.All.Select(m => m.Name)) + ") or the path of a model JSON file",
                new SourceLocation(presetOrPath, 0, "model"));
        return Parse(File.ReadAllText(presetOrPath), presetOrPath);
    }

    /// <summary>Parses the JSON text of a model file; <paramref name="source"/> names it in errors.</summary>
    public static TransformerModel Parse(string json, string source)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json); }
        catch (JsonException e)
        {
            throw new GtsException(ErrorKind.InvalidInput, $"not valid JSON: {e.Message}", "write the model as one JSON object",
                new SourceLocation(source, (int)(e.LineNumber ?? 0) + 1));
        }
        using (doc)
        {
            var root = doc.RootElement;
            var model = new TransformerModel(
                JsonFields.String(root, "name", source, Path.GetFileNameWithoutExtension(source)),
                JsonFields.PositiveInt(root, "layers", source),
                JsonFields.PositiveInt(root, "hidden", source),
                JsonFields.PositiveInt(root, "heads", source),
                JsonFields.PositiveInt(root, "ffnHidden", source, fallback: 4 * JsonFields.PositiveInt(root, "hidden", source)),
                JsonFields.PositiveInt(root, "vocab", source),
                JsonFields.PositiveInt(root, "seqLength", source),
                JsonFields.Bool(root, "gatedMlp", source, false));
            Validate(model, source);
            return model;
        }
    }

    /// <summary>Throws when a dimension is not positive or the hidden size does not split into the heads.</summary>
    public static void Validate(TransformerModel model, string source)
    {
        void Positive(int value, string field)
        {
            if (value <= 0)
                throw new GtsException(ErrorKind.InvalidInput, $"{field} is {value}", $"give {field} as a positive integer",
                    new SourceLocation(source, 0, field));
        }
        Positive(model.Layers, "layers");
        Positive(model.Hidden, "hidden");
        Positive(model.Heads, "heads");
        Positive(model.FfnHidden, "ffnHidden");
        Positive(model.Vocab, "vocab");
        Positive(model.SeqLength, "seqLength");
        if (model.Hidden % model.Heads != 0)
            throw new GtsException(ErrorKind.InvalidInput,
                $"hidden {model.Hidden} does not divide into {model.Heads} heads",
                $"make hidden a multiple of heads (e.g. hidden {model.Hidden / model.Heads * model.Heads + model.Heads} or heads {LargestDivisorAtMost(model.Hidden, model.Heads)})",
                new SourceLocation(source, 0, "heads"));
    }

    private static int LargestDivisorAtMost(int n, int max)
    {
        for (int d = max; d > 1; d--) if (n % d == 0) return d;
        return 1;
    }
}
