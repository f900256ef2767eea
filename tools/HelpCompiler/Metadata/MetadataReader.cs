using System.Text.Json;

namespace SecretsManager.HelpCompiler.Metadata;

/// <summary>Reads the JSON that Export-CommandMetadata.ps1 writes from the built module.</summary>
public static class MetadataReader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static ModuleMetadata Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Command metadata file '{path}' does not exist.", path);
        return Parse(File.ReadAllText(path));
    }

    public static ModuleMetadata Parse(string json)
    {
        var module = JsonSerializer.Deserialize<ModuleMetadata>(json, Options)
            ?? throw new InvalidDataException("Command metadata is empty.");
        foreach (var command in module.Commands)
        {
            if (string.IsNullOrWhiteSpace(command.Name)) throw new InvalidDataException("Command metadata has a command without a name.");
            foreach (var set in command.ParameterSets)
            {
                foreach (var member in set.Parameters)
                {
                    if (command.FindParameter(member.Name) is null)
                        throw new InvalidDataException($"Command metadata for {command.Name}: set '{set.Name}' names parameter '{member.Name}' that is not in its parameter list.");
                }
            }
        }
        return module;
    }
}
