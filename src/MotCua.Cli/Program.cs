using System.CommandLine;
using MotCua.Cli;
using MotCua.Cli.Audit;
using MotCua.Cli.Calendar;
using MotCua.Cli.Catalog;
using MotCua.Cli.Database;
using MotCua.Cli.Generate;
using MotCua.Cli.Planning;
using MotCua.Cli.Staff;
using MotCua.Cli.Sweep;

var root = new RootCommand("motcua — the MotCua console: database, seed data, catalog, calendar, planning, audit.");
root.Subcommands.Add(DatabaseCommands.Migrate());
root.Subcommands.Add(DatabaseCommands.Seed());
root.Subcommands.Add(CalendarCommand.Create());
root.Subcommands.Add(CatalogCommand.Create());
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(SweepCommand.Create());
root.Subcommands.Add(StaffCommand.Create());
root.Subcommands.Add(AuditCommand.Create());
root.Subcommands.Add(PlanningCommands.Coverage());
root.Subcommands.Add(PlanningCommands.Staffing());
root.Subcommands.Add(PlanningCommands.Simulate());

return await CliHost.InvokeAsync(root, args);
