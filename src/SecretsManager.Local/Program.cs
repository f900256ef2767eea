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

LocalServer server;
try
{
    server = await LocalServer.StartAsync(options);
}
catch (IOException e)
{
    Console.Error.WriteLine($"SecretsManager.Local could not listen on 127.0.0.1:{options.Port}: {e.Message}");
    return 1;
}

await using var running = server;
Console.Out.WriteLine($"SecretsManager.Local listening on {running.Url}");
Console.Out.Flush();
await running.WaitForShutdownAsync();
return 0;
