using Onnx;

namespace Gts.Neural.Training.Export;

/// <summary>Removes nodes and initializers that no graph output depends on.</summary>
public static class GraphPruning
{
    public static void RemoveDeadNodes(GraphProto graph)
    {
        var needed = new HashSet<string>(graph.Output.Select(o => o.Name), StringComparer.Ordinal);
        var live = new HashSet<NodeProto>();
        for (int i = graph.Node.Count - 1; i >= 0; i--)
        {
            var node = graph.Node[i];
            if (!node.Output.Any(needed.Contains)) continue;
            live.Add(node);
            foreach (var input in node.Input) needed.Add(input);
        }
        foreach (var dead in graph.Node.Where(n => !live.Contains(n)).ToArray()) graph.Node.Remove(dead);
        foreach (var unused in graph.Initializer.Where(t => !needed.Contains(t.Name)).ToArray()) graph.Initializer.Remove(unused);
    }
}
