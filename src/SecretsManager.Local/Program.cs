// Placeholder entry point until the local service lands (issue 2).
Console.Error.WriteLine("SecretsManager.Local is not implemented yet.");
return 1;
