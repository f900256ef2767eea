using SecretsManager.HelpCompiler.Metadata;

namespace SecretsManager.HelpCompiler.Checking;

/// <summary>Builds a parameter's metadata blocks from the code. The default value is prose: it is taken from the page.</summary>
public static class ParameterBlockRenderer
{
    public const string DefaultValueKey = "Default value";

    /// <summary>Keys every block must have, in platyPS's order ("Accepted values" only where the code has a ValidateSet).</summary>
    public static readonly string[] Keys =
    {
        "Type", "Parameter Sets", "Aliases", "Accepted values", "Required", "Position", DefaultValueKey,
        "Accept pipeline input", "Accept wildcard characters",
    };

    /// <summary>One block per group of sets in which the parameter behaves the same; "(All)" when one group covers every set.</summary>
    public static List<ExpectedBlock> Render(CommandMetadata command, ParameterMetadata parameter, string? defaultValue)
    {
        var memberships = command.ParameterSets
            .Select(set => (set, member: set.Parameters.FirstOrDefault(m => string.Equals(m.Name, parameter.Name, StringComparison.OrdinalIgnoreCase))))
            .Where(x => x.member is not null)
            .Select(x => (x.set, member: x.member!))
            .ToList();
        var groups = memberships
            .GroupBy(x => (x.member.Mandatory, x.member.Position, Pipeline: PipelineInput(x.member)))
            .ToList();
        var coversAll = memberships.Count == command.ParameterSets.Count;
        var blocks = new List<ExpectedBlock>();
        foreach (var group in groups)
        {
            var block = new ExpectedBlock();
            var sets = groups.Count == 1 && coversAll ? "(All)" : string.Join(", ", group.Select(x => x.set.Name));
            if (sets != "(All)") block.Sets.AddRange(group.Select(x => x.set.Name));
            block.Fields.Add(new("Type", parameter.Type));
            block.Fields.Add(new("Parameter Sets", sets));
            block.Fields.Add(new("Aliases", string.Join(", ", parameter.Aliases)));
            if (parameter.AcceptedValues.Count > 0) block.Fields.Add(new("Accepted values", string.Join(", ", parameter.AcceptedValues)));
            block.Fields.Add(new("", ""));
            block.Fields.Add(new("Required", group.Key.Mandatory ? "True" : "False"));
            block.Fields.Add(new("Position", group.Key.Position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "Named"));
            block.Fields.Add(new(DefaultValueKey, !string.IsNullOrWhiteSpace(defaultValue) ? defaultValue! : parameter.CodeDefault ?? "None"));
            block.Fields.Add(new("Accept pipeline input", group.Key.Pipeline));
            block.Fields.Add(new("Accept wildcard characters", parameter.SupportsWildcards ? "True" : "False"));
            blocks.Add(block);
        }
        return blocks;
    }

    /// <summary>platyPS's wording: <c>True (ByPropertyName, ByValue)</c>, <c>True (ByValue)</c>, <c>False</c>.</summary>
    public static string PipelineInput(ParameterSetMembership member)
    {
        var kinds = new List<string>();
        if (member.ValueFromPipelineByPropertyName) kinds.Add("ByPropertyName");
        if (member.ValueFromPipeline) kinds.Add("ByValue");
        return kinds.Count == 0 ? "False" : $"True ({string.Join(", ", kinds)})";
    }
}
