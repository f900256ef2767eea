using System.Diagnostics.CodeAnalysis;

namespace SecretsManager.Local.Operations;

/// <summary>The 23 operations by name.</summary>
internal sealed class OperationRegistry
{
    private readonly Dictionary<string, IOperation> _byName;

    public OperationRegistry(IEnumerable<IOperation> operations) =>
        _byName = operations.ToDictionary(o => o.Name, StringComparer.Ordinal);

    public bool TryGet(string name, [NotNullWhen(true)] out IOperation? operation) => _byName.TryGetValue(name, out operation);

    /// <summary>Every operation class in this assembly.</summary>
    public static OperationRegistry CreateDefault() => new(
        typeof(OperationRegistry).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IOperation).IsAssignableFrom(t))
            .Select(t => (IOperation)Activator.CreateInstance(t)!));
}
