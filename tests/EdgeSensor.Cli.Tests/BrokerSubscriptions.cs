using EdgeSensor.Simulator.Fleet;

namespace EdgeSensor.Cli.Tests;

/// <summary>Waits on the test broker: a consumer's subscription, not just its connection, must exist before anything is published.</summary>
internal static class BrokerSubscriptions
{
    /// <summary>Completes when a client first subscribes to a topic on <paramref name="broker"/>.</summary>
    public static Task FirstAsync(EmbeddedBroker broker)
    {
        var subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        broker.Server.ClientSubscribedTopicAsync += _ =>
        {
            subscribed.TrySetResult();
            return Task.CompletedTask;
        };
        return subscribed.Task;
    }
}
