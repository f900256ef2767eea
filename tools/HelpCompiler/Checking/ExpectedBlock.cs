namespace SecretsManager.HelpCompiler.Checking;

/// <summary>A parameter metadata block as the code says it must read, for a group of sets that share Required/Position/pipeline input.</summary>
public sealed class ExpectedBlock
{
    /// <summary>Field order as platyPS writes it; an empty key marks the blank separator line.</summary>
    public List<KeyValuePair<string, string>> Fields { get; } = new();

    /// <summary>Set names of the group (empty means every set).</summary>
    public List<string> Sets { get; } = new();

    public string? Get(string key) => Fields.FirstOrDefault(f => f.Key == key).Value;

    public string ToYaml()
    {
        var lines = Fields.Select(f => f.Key.Length == 0 ? "" : $"{f.Key}: {f.Value}".TrimEnd());
        return "```yaml\n" + string.Join("\n", lines) + "\n```\n";
    }
}
