// libtorch's random generator is process-global: tests that seed it and then initialise a model must not interleave
// with other tests doing the same, or initialisation (and so every overfit test) stops being reproducible.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
