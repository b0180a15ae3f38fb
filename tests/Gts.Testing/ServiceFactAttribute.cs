using Xunit;
using Xunit.Sdk;

namespace Gts.Testing;

/// <summary>A fact that is skipped (with the reason) when its class's <see cref="RequiresServiceAttribute"/>
/// variable is missing outside CI; inside CI it always runs.</summary>
[XunitTestCaseDiscoverer("Gts.Testing.ServiceFactDiscoverer", "Gts.Testing")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ServiceFactAttribute : FactAttribute;
