using Gts.Core.Errors;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gts.Cli;

/// <summary>Maps failures to exit codes: 0 ok, 1 internal error, 2 usage, 3 invalid input, 4 not found,
/// 5 infeasible, 6 external system, 130 cancelled. User errors never print a stack trace.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Internal = 1;
    public const int Cancelled = 130;

    public static async Task<int> RunAsync(Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (GtsException e)
        {
            AnsiConsole.Console.Write(new Markup($"[red]error:[/] {Markup.Escape(e.Describe())}{Environment.NewLine}"));
            return (int)e.Kind;
        }
        catch (CommandParseException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return (int)ErrorKind.Usage;
        }
        catch (CommandRuntimeException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return (int)ErrorKind.Usage;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("cancelled");
            return Cancelled;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"internal error (a bug in gts; please report it with this trace):{Environment.NewLine}{e}");
            return Internal;
        }
    }
}
