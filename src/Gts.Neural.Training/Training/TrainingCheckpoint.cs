using System.Text.Json;
using System.Text.Json.Serialization;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gts.Neural.Training.Training;

/// <summary>End-of-epoch checkpoint: model weights, optimizer state and loop state, each written to a temporary name then renamed.</summary>
public sealed record TrainingCheckpoint(int CompletedEpochs, int Step, double BestDev, int BadEvaluations, IReadOnlyList<double> StepLosses)
{
    private const string ModelFile = "model.bin";
    private const string OptimizerFile = "optimizer.bin";
    private const string StateFile = "state.json";
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>Writes the checkpoint; the state file is written last, so a checkpoint without it is ignored on resume.</summary>
    public void Save(string directory, nn.Module model, OptimizerHelper optimizer)
    {
        Directory.CreateDirectory(directory);
        var state = Path.Combine(directory, StateFile);
        if (File.Exists(state)) File.Delete(state);
        Replace(Path.Combine(directory, ModelFile), tmp => model.save(tmp));
        Replace(Path.Combine(directory, OptimizerFile), optimizer.save_state_dict);
        Replace(state, tmp => File.WriteAllText(tmp, JsonSerializer.Serialize(this, Json)));
    }

    /// <summary>Loads the checkpoint in <paramref name="directory"/> into the model and optimizer, or returns null when there is none.</summary>
    public static TrainingCheckpoint? TryLoad(string directory, nn.Module model, OptimizerHelper optimizer)
    {
        var state = Path.Combine(directory, StateFile);
        if (!File.Exists(state)) return null;
        var checkpoint = JsonSerializer.Deserialize<TrainingCheckpoint>(File.ReadAllText(state), Json)
            ?? throw new InvalidDataException($"Empty checkpoint state in {state}.");
        model.load(Path.Combine(directory, ModelFile));
        optimizer.load_state_dict(Path.Combine(directory, OptimizerFile));
        return checkpoint;
    }

    private static void Replace(string path, Action<string> write)
    {
        var tmp = path + ".tmp";
        write(tmp);
        File.Move(tmp, path, overwrite: true);
    }
}
