using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Organisation.Staff;
using MotCua.Platform.Identity;
using MotCua.Platform.Startup;

namespace MotCua.Cli.Staff;

/// <summary>`motcua staff add`: a staff account — the first administrator of an installation, where no demo account exists.</summary>
internal static class StaffCommand
{
    public static Command Create()
    {
        var user = new Option<string>("--user") { Description = "The user name (letters without accents, digits, . _ -).", Required = true };
        var name = new Option<string>("--name") { Description = "Full name, as printed on slips and in the audit trail.", Required = true };
        var role = new Option<string>("--role") { Description = $"One of: {string.Join(", ", StaffRoles.All)}.", Required = true };
        var unit = new Option<string>("--unit") { Description = "The code of the unit (TTPVHCC = the center, CN01 = a branch, UBND-00004 = an agency).", Required = true };
        var phone = new Option<string>("--phone") { Description = "The officer's contact phone, printed on the supplement slip (form 02); optional." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input; without it a strong password is generated and printed once." };

        var add = new Command("add", "Create a staff account with one role in one unit (audited).") { user, name, role, unit, phone, passwordStdin };
        add.SetAction(async (parse, ct) =>
        {
            var password = parse.GetValue(passwordStdin) ? (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r') : null;
            if (parse.GetValue(passwordStdin) && string.IsNullOrEmpty(password))
            {
                await Console.Error.WriteLineAsync("motcua staff add: --password-stdin: no password on the first line of standard input.");
                return 2;
            }

            await using var services = CliHost.Build();
            await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            await services.GetRequiredService<DatabaseInitializer>().SeedAsync(ct);
            await using var scope = services.CreateAsyncScope();
            var (added, errors) = await scope.ServiceProvider.GetRequiredService<AddStaff>()
                .RunAsync(new NewStaff(parse.GetValue(user), parse.GetValue(name), parse.GetValue(role), parse.GetValue(unit), password, parse.GetValue(phone)), ct);
            if (added is null)
            {
                foreach (var e in errors)
                {
                    await Console.Error.WriteLineAsync($"motcua staff add: {(e.Field is null ? "" : $"--{e.Field}: ")}{e.Message}");
                }

                return 2;
            }

            Console.WriteLine($"Đã tạo tài khoản {added.UserName} ({StaffRoles.DisplayName(added.Role)}, {added.UnitName}).");
            if (added.Generated)
            {
                Console.WriteLine($"Mật khẩu (chỉ hiện một lần, hãy trao tận tay và đổi khi đăng nhập lần đầu): {added.Password}");
            }

            return 0;
        });

        return new Command("staff", "Staff accounts.") { add };
    }
}
