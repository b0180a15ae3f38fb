using Xunit.Abstractions;
using Xunit.Sdk;

namespace Gts.Testing;

/// <summary>Discovers <see cref="ServiceFactAttribute"/> tests, turning them into skipped cases when the
/// concrete test class needs a service that is absent and GTS_CI is not 1.</summary>
public sealed class ServiceFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var options = discoveryOptions.MethodDisplayOptionsOrDefault();
        foreach (var requires in testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresServiceAttribute)))
        {
            var args = requires.GetConstructorArguments().Cast<string>().ToArray();
            if (Environment.GetEnvironmentVariable(args[0]) is not { Length: > 0 } && !RequiresServiceAttribute.InCi)
                return [new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, options, testMethod,
                    $"{args[1]} not available: {args[0]} is not set (CI sets GTS_CI=1 and provides it; see .ci/run)")];
        }
        return [new XunitTestCase(diagnosticMessageSink, display, options, testMethod)];
    }
}
