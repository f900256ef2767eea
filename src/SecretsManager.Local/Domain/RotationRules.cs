using System.Globalization;
using System.Text.RegularExpressions;
using SecretsManager.Local.Protocol;
using SecretsManager.Local.State;

namespace SecretsManager.Local.Domain;

/// <summary>RotationRules semantics: AutomaticallyAfterDays xor ScheduleExpression (rate()/cron()), Duration, next rotation date.</summary>
internal static partial class RotationRules
{
    [GeneratedRegex(@"^rate\(\s*(\d+)\s+(hour|hours|day|days)\s*\)$")]
    private static partial Regex RateRegex();

    [GeneratedRegex(@"^cron\((.*)\)$")]
    private static partial Regex CronRegex();

    [GeneratedRegex(@"^(\d{1,2})h$")]
    private static partial Regex DurationRegex();

    /// <summary>Checks a RotationRules structure; throws InvalidParameterException naming the broken rule.</summary>
    public static void Validate(long? days, string? schedule, string? duration)
    {
        if (days is not null && schedule is not null)
            throw ServiceException.InvalidParameter("You can't specify both AutomaticallyAfterDays and ScheduleExpression in RotationRules.");
        TimeSpan? interval = days is { } d ? TimeSpan.FromDays(d) : null;
        if (schedule is not null) interval = ScheduleInterval(schedule);
        if (duration is not null)
        {
            var m = DurationRegex().Match(duration);
            var hours = m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            if (hours is < 1 or > 24)
                throw ServiceException.InvalidParameter($"Invalid Duration '{duration}': use 1h to 24h.");
            if (interval is { } i && TimeSpan.FromHours(hours) > i)
                throw ServiceException.InvalidParameter("The rotation window (Duration) must not extend into the next rotation window.");
        }
    }

    /// <summary>The next rotation date after <paramref name="from"/>, or null when the secret has no schedule.</summary>
    public static DateTimeOffset? NextRotation(RotationState r, DateTimeOffset from)
    {
        if (r.AutomaticallyAfterDays is { } days) return from.AddDays(days);
        if (r.ScheduleExpression is not { } s) return null;
        var rate = RateRegex().Match(s);
        if (rate.Success)
        {
            var n = long.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture);
            return rate.Groups[2].Value.StartsWith("hour", StringComparison.Ordinal) ? from.AddHours(n) : from.AddDays(n);
        }
        var cron = CronRegex().Match(s);
        return cron.Success ? CronSchedule.Parse(cron.Groups[1].Value).Next(from) : null;
    }

    /// <summary>
    /// Days (rounded) between two rotations of a ScheduleExpression, counted from <paramref name="from"/>: N for rate(N days),
    /// hours / 24 for a rate in hours, the gap between the next two firings of a cron. Null below one day.
    /// </summary>
    public static long? DaysBetweenRotations(RotationState r, DateTimeOffset from)
    {
        if (r.ScheduleExpression is null) return null;
        var first = NextRotation(r, from);
        var second = first is { } f ? NextRotation(r, f) : null;
        if (first is null || second is null) return null;
        var days = (long)Math.Round((second.Value - first.Value).TotalDays);
        return days >= 1 ? days : null;
    }

    /// <summary>True when AWSPENDING sits on a version other than AWSCURRENT: a previous rotation didn't finish.</summary>
    public static bool HasUnfinishedRotation(Secret secret)
    {
        var pending = secret.FindByStage(StagingLabels.Pending);
        return pending is not null && !pending.Stages.Contains(StagingLabels.Current);
    }

    private static TimeSpan? ScheduleInterval(string schedule)
    {
        var rate = RateRegex().Match(schedule);
        if (rate.Success)
        {
            var n = long.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture);
            var hours = rate.Groups[2].Value.StartsWith("hour", StringComparison.Ordinal);
            var singular = rate.Groups[2].Value is "hour" or "day";
            if (singular != (n == 1))
                throw ServiceException.InvalidParameter($"Invalid ScheduleExpression '{schedule}': use '1 day'/'1 hour' for one unit and plural units otherwise.");
            if (hours && n < 4)
                throw ServiceException.InvalidParameter($"Invalid ScheduleExpression '{schedule}': you can rotate a secret at most every four hours.");
            if (!hours && (n < 1 || n > 1000))
                throw ServiceException.InvalidParameter($"Invalid ScheduleExpression '{schedule}': a rate in days must be 1 to 1000.");
            return hours ? TimeSpan.FromHours(n) : TimeSpan.FromDays(n);
        }
        var cron = CronRegex().Match(schedule);
        if (!cron.Success)
            throw ServiceException.InvalidParameter($"Invalid ScheduleExpression '{schedule}': use rate(N hours), rate(N days) or cron(...).");
        try
        {
            CronSchedule.Parse(cron.Groups[1].Value);
            return null; // a cron window check would need the gaps between firings; AWS's own check is not modelled
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw ServiceException.InvalidParameter($"Invalid ScheduleExpression '{schedule}': {e.Message}");
        }
    }
}
