namespace Gts.Factory.Tests;

/// <summary>Tests that train with libtorch run one at a time: its random generator is process-global, so two trainings in
/// parallel would draw from one stream in an order that changes from run to run.</summary>
[CollectionDefinition(Name)]
public sealed class TorchCollection
{
    public const string Name = "libtorch";
}
