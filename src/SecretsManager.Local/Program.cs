using SecretsManager.Local;
using SecretsManager.Local.Hosting;

// Command-line host: prints one line with the URL once the endpoint answers, stops on Ctrl+C or SIGTERM.
if (args.Any(a => a is "-h" or "--help" or "-?"))
{
    Console.WriteLine(CommandLine.Usage);
    return 0;
}

LocalServerOptions options;
try
{
    options = CommandLine.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

await using var server = await LocalServer.StartAsync(options);
Console.Out.WriteLine($"SecretsManager.Local listening on {server.Url}");
Console.Out.Flush();
await server.WaitForShutdownAsync();
return 0;
