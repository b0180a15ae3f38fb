using Gts.Neural.Training.Runtime;
using static TorchSharp.torch;

namespace Gts.Neural.Training.Tests.Runtime;

public sealed class TorchRuntimeTests
{
    [Fact]
    public void TorchSharp_loads_its_natives_and_computes_a_gradient()
    {
        Assert.StartsWith("2.", TorchRuntime.LibTorchVersion);
        using var scope = NewDisposeScope();
        var x = tensor(new float[] { 1f, 2f, 3f }, requires_grad: true);
        var y = (x * x).sum();
        y.backward();
        Assert.Equal(new float[] { 2f, 4f, 6f }, x.grad!.data<float>().ToArray());
    }
}
