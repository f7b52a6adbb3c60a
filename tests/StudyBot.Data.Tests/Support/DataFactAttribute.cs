using Xunit.Abstractions;
using Xunit.Sdk;

namespace StudyBot.Data.Tests.Support;

/// <summary>
/// A test over the database, run once per provider by the test class's subclasses (see
/// <see cref="DatabaseTests"/>). In a PostgreSQL subclass it is skipped, with the reason, when no
/// PostgreSQL server can be reached.
/// </summary>
[XunitTestCaseDiscoverer("StudyBot.Data.Tests.Support.DataFactDiscoverer", "StudyBot.Data.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DataFactAttribute : FactAttribute;

/// <summary>As <see cref="DataFactAttribute"/>, for a theory.</summary>
[XunitTestCaseDiscoverer("StudyBot.Data.Tests.Support.DataTheoryDiscoverer", "StudyBot.Data.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DataTheoryAttribute : TheoryAttribute;

public sealed class DataFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        ProviderSkip.For(DiagnosticMessageSink, discoveryOptions, testMethod) ?? base.Discover(discoveryOptions, testMethod, factAttribute);
}

public sealed class DataTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        ProviderSkip.For(DiagnosticMessageSink, discoveryOptions, testMethod) ?? base.Discover(discoveryOptions, testMethod, theoryAttribute);
}

internal static class ProviderSkip
{
    /// <summary>One skipped test case when the class runs on PostgreSQL and none is reachable; else null.</summary>
    public static IEnumerable<IXunitTestCase>? For(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod testMethod)
    {
        var onPostgres = typeof(IOnPostgres).IsAssignableFrom(testMethod.TestClass.Class.ToRuntimeType());
        return onPostgres && PostgresServer.Unavailable is { } reason
            ? [new SkippedTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod, reason)]
            : null;
    }
}

/// <summary>A test case that is skipped for a reason found at discovery rather than written in the attribute.</summary>
public sealed class SkippedTestCase : XunitTestCase
{
    private string _reason = "";

    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SkippedTestCase()
    {
    }

    public SkippedTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod, string reason)
        : base(sink, display, options, testMethod) => _reason = reason;

    protected override string GetSkipReason(IAttributeInfo factAttribute) => _reason;

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("SkipReasonText", _reason);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        _reason = data.GetValue<string>("SkipReasonText");
        base.Deserialize(data);
    }
}
