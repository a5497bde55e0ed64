namespace Hub.Cli.Simulation;

/// <summary>
/// Latency samples in milliseconds, kept whole for the run's percentiles (a minute at 50/s is a few thousand),
/// with a cursor so the live line can show the percentiles of the last second alone.
/// </summary>
internal sealed class LatencySeries
{
    private readonly List<double> _samples = [];
    private int _windowStart;

    public void Add(double milliseconds)
    {
        lock (_samples)
        {
            _samples.Add(milliseconds);
        }
    }

    public int Count
    {
        get
        {
            lock (_samples)
            {
                return _samples.Count;
            }
        }
    }

    /// <summary>Percentiles of the samples since the previous call.</summary>
    public Percentiles TakeWindow()
    {
        lock (_samples)
        {
            var window = _samples.GetRange(_windowStart, _samples.Count - _windowStart);
            _windowStart = _samples.Count;
            return Percentiles.Of(window);
        }
    }

    /// <summary>Percentiles of every sample of the run.</summary>
    public Percentiles Total()
    {
        lock (_samples)
        {
            return Percentiles.Of(_samples);
        }
    }
}
