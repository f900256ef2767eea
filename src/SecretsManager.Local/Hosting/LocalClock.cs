namespace SecretsManager.Local.Hosting;

/// <summary>The endpoint's clock: real UTC time plus an offset that test hooks can move forward.</summary>
public sealed class LocalClock
{
    private long _offsetTicks;

    /// <summary>Current endpoint time.</summary>
    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow.AddTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "The clock only moves forward.");
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }

    /// <summary>Back to real time.</summary>
    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);
}
