using EdgeSensor.Sdk.Sinks;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeSensor.Sdk.Hosting;

/// <summary>Returned by <c>AddEdgeSensor</c> to add sinks.</summary>
public sealed class EdgeSensorBuilder
{
    internal EdgeSensorBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Adds a sink type (a singleton) that the hosted consumer writes every report to.</summary>
    public EdgeSensorBuilder AddSink<TSink>()
        where TSink : class, IReportSink
    {
        Services.AddSingleton<IReportSink, TSink>();
        return this;
    }

    /// <summary>Adds a sink made by <paramref name="factory"/>.</summary>
    public EdgeSensorBuilder AddSink(Func<IServiceProvider, IReportSink> factory)
    {
        Services.AddSingleton(factory);
        return this;
    }
}
