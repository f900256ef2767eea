using System.Globalization;

namespace SecretsManager.Local.Domain;

/// <summary>
/// An AWS cron expression (minutes hours day-of-month month day-of-week year; day-of-week 1-7 = SUN-SAT) and its next
/// occurrence. Supports *, ?, numbers, names, ranges, lists, steps and L in day-of-month; W and # are rejected.
/// </summary>
internal sealed class CronSchedule
{
    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] Days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
    private readonly HashSet<int> _minutes, _hours, _daysOfMonth, _months, _daysOfWeek, _years;
    private readonly bool _lastDayOfMonth, _anyDayOfMonth, _anyDayOfWeek;

    private CronSchedule(string[] f)
    {
        _minutes = Field(f[0], 0, 59, null);
        _hours = Field(f[1], 0, 23, null);
        _lastDayOfMonth = f[2] == "L";
        _anyDayOfMonth = f[2] is "?" or "*";
        _daysOfMonth = _lastDayOfMonth ? [] : Field(f[2], 1, 31, null);
        _months = Field(f[3], 1, 12, Months);
        _anyDayOfWeek = f[4] is "?" or "*";
        _daysOfWeek = Field(f[4], 1, 7, Days);
        _years = Field(f[5], 1970, 2199, null);
        if (f[2] != "?" && f[4] != "?")
            throw new FormatException("One of day-of-month or day-of-week must be '?'.");
    }

    /// <summary>Parses the inside of <c>cron(...)</c>.</summary>
    public static CronSchedule Parse(string body)
    {
        var fields = body.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6) throw new FormatException("A cron expression has 6 fields: minutes hours day-of-month month day-of-week year.");
        return new CronSchedule(fields);
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, or null within the next 10 years.</summary>
    public DateTimeOffset? Next(DateTimeOffset after)
    {
        var start = after.UtcDateTime;
        var day = start.Date;
        for (var i = 0; i < 3660; i++, day = day.AddDays(1))
        {
            if (!DayMatches(day)) continue;
            foreach (var h in _hours.Order())
            foreach (var m in _minutes.Order())
            {
                var t = new DateTimeOffset(day.AddHours(h).AddMinutes(m), TimeSpan.Zero);
                if (t > after) return t;
            }
        }
        return null;
    }

    private bool DayMatches(DateTime day)
    {
        if (!_months.Contains(day.Month) || !_years.Contains(day.Year)) return false;
        var domOk = _lastDayOfMonth ? day.Day == DateTime.DaysInMonth(day.Year, day.Month) : _anyDayOfMonth || _daysOfMonth.Contains(day.Day);
        var dowOk = _anyDayOfWeek || _daysOfWeek.Contains((int)day.DayOfWeek + 1);
        return domOk && dowOk;
    }

    private static HashSet<int> Field(string text, int min, int max, string[]? names)
    {
        var set = new HashSet<int>();
        foreach (var part in text.Split(','))
        {
            if (part.Contains('W') || part.Contains('#') || (part.Contains('L') && names is null))
                throw new FormatException($"'{part}' is not supported by SecretsManager.Local's cron parser.");
            var step = 1;
            var range = part;
            var slash = part.IndexOf('/');
            if (slash >= 0)
            {
                step = int.Parse(part[(slash + 1)..], CultureInfo.InvariantCulture);
                if (step <= 0) throw new FormatException($"Invalid step in '{part}'.");
                range = part[..slash];
            }
            int lo, hi;
            if (range is "*" or "?") (lo, hi) = (min, max);
            else if (range.Contains('-'))
            {
                var dash = range.IndexOf('-');
                lo = Value(range[..dash], names, min);
                hi = Value(range[(dash + 1)..], names, min);
            }
            else
            {
                lo = Value(range, names, min);
                hi = slash >= 0 ? max : lo;
            }
            if (lo < min || hi > max || lo > hi) throw new FormatException($"'{part}' is out of range {min}-{max}.");
            for (var v = lo; v <= hi; v += step) set.Add(v);
        }
        return set;
    }

    private static int Value(string text, string[]? names, int min)
    {
        if (names is not null)
        {
            var i = Array.IndexOf(names, text.ToUpperInvariant());
            if (i >= 0) return i + min;
        }
        return int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
