namespace Gts.Data.Sampling;

/// <summary>A class that has fewer examples than the shots asked for.</summary>
public readonly record struct ClassShortfall(int Label, string Name, int Available, int Wanted);
