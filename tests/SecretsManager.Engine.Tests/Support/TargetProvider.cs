using SecretsManager.Engine.Workflows.Rotation;

namespace SecretsManager.Engine.Tests.Support;

/// <summary>
/// A rotation target in memory (the "database"): it accepts one value at a time. Set moves it to the pending value
/// (or, restoring, back); Test fails unless it holds the pending value. Hooks fail or crash a step.
/// </summary>
public sealed class TargetProvider : IRotationProvider
{
    public TargetProvider(string value) => Value = value;

    /// <summary>The value the target accepts now.</summary>
    public string Value { get; set; }

    /// <summary>What ran, in order: "validate", "new", "set", "restore", "test".</summary>
    public List<string> Log { get; } = new();

    public Func<RotationContext, string> New { get; set; }
    public Action<RotationContext> BeforeNew { get; set; }
    public Action<RotationContext> BeforeSet { get; set; }
    public Action<RotationContext> AfterSet { get; set; }
    public Action<RotationContext> BeforeTest { get; set; }
    public Action<RotationContext> AfterTest { get; set; }
    public Action<RotationContext> OnValidate { get; set; }
    public bool FailSet { get; set; }
    public bool FailTest { get; set; }
    public bool FailRestore { get; set; }
    /// <summary>Set (and a restore) fail without reaching the target: TargetUnchangedException.</summary>
    public bool Unreachable { get; set; }

    public string Description => "the test target";

    public void Validate(RotationContext context)
    {
        Log.Add("validate");
        OnValidate?.Invoke(context);
    }

    public string NewValue(RotationContext context)
    {
        Log.Add("new");
        BeforeNew?.Invoke(context);
        return New != null ? New(context) : "value-" + context.Token;
    }

    public void Set(RotationContext context)
    {
        Log.Add(context.Restoring ? "restore" : "set");
        if (Unreachable) throw new TargetUnchangedException($"no route to the target for '{context.Pending}'");
        if (context.Restoring)
        {
            if (FailRestore) throw new InvalidOperationException("the target is unreachable");
            Value = context.Pending;
            return;
        }
        BeforeSet?.Invoke(context);
        // Quotes the value, as careless tools do: the rotation must keep it out of its message.
        if (FailSet) throw new InvalidOperationException($"the target refused '{context.Pending}'");
        Value = context.Pending;
        AfterSet?.Invoke(context);
    }

    public void Test(RotationContext context)
    {
        Log.Add("test");
        BeforeTest?.Invoke(context);
        if (FailTest) throw new InvalidOperationException($"login with '{context.Pending}' refused");
        if (Value != context.Pending) throw new InvalidOperationException("the target does not accept the pending value");
        AfterTest?.Invoke(context);
    }
}
