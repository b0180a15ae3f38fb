using Gts.Cli;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("gts");
    config.PropagateExceptions();
    CommandTable.Register(config);
});
return await ExitCodes.RunAsync(() => app.RunAsync(args));
