using System.Diagnostics;
using System.Reflection;

namespace SecretsManager.Bench;

/// <summary>
/// P2's middle figure: the engine called directly, without PowerShell's binding and output. The engine lives in the
/// module's private load context, so its types are reached through reflection; the loop runs here, in C#, so that
/// PowerShell's own loop and method adapter are not counted.
/// </summary>
public static class EngineProbe
{
    /// <summary>Total milliseconds of <paramref name="count"/> calls of <paramref name="method"/>.</summary>
    public static double Measure(MethodInfo method, object target, object[] arguments, int count)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++) method.Invoke(target, arguments);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}
