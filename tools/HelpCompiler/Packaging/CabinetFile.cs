namespace SecretsManager.HelpCompiler.Packaging;

/// <summary>One file to store in a cabinet: its name inside the cabinet, its bytes and its modification time.</summary>
public sealed record CabinetFile(string Name, byte[] Data, DateTime Modified);
