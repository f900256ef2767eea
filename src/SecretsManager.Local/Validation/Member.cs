namespace SecretsManager.Local.Validation;

/// <summary>A member of a request structure: its wire name, shape and whether the model marks it required.</summary>
internal sealed record Member(string Name, Shape Shape, bool Required = false);
