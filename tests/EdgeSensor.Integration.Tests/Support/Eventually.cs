namespace EdgeSensor.Integration.Tests.Support;

internal static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> until true or the generous timeout passes.</summary>
    public static async Task<bool> TrueAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(20);
        }

        return condition();
    }
}
