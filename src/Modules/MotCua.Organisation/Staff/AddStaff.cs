using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Organisation.Network;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Identity;
using MotCua.Platform.Text;

namespace MotCua.Organisation.Staff;

/// <summary>A new staff account: who, in which unit, with which role.</summary>
internal sealed record NewStaff(string? UserName, string? FullName, string? Role, string? UnitCode, string? Password = null, string? Phone = null);

/// <summary>The account created; <see cref="Password"/> is the one to hand over (generated when none was given), shown once.</summary>
internal sealed record AddedStaff(string UserName, string FullName, string Role, string UnitCode, string UnitName, string Password, bool Generated);

/// <summary>
/// Creates a staff account with one role in one unit — how an installation gets its first administrator
/// (`motcua staff add --role Administrator …`), since outside Development no demo account exists. Audited.
/// </summary>
internal sealed class AddStaff(MotCuaDb db, UserManager<StaffUser> users, AuditTrail audit)
{
    public async Task<Result<AddedStaff>> RunAsync(NewStaff s, CancellationToken ct)
    {
        var errors = new List<Error>();
        var userName = s.UserName?.Trim() ?? "";
        if (userName.Length is < 3 or > 64 || !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            errors.Add(Error.Invalid("user", "Tên đăng nhập gồm 3 đến 64 chữ cái không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch ngang."));
        }

        var fullName = s.FullName?.Trim() ?? "";
        if (fullName.Length is 0 or > 200)
        {
            errors.Add(Error.Required("name", "họ và tên (tối đa 200 ký tự)"));
        }

        // The officer's contact phone, printed on the supplement slip (form 02); optional.
        var phone = string.IsNullOrWhiteSpace(s.Phone) ? null : s.Phone.Trim();
        if (phone is not null && (phone.Length > TextLimits.Phone || !phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '.' or '+' or '-' or '(' or ')')))
        {
            errors.Add(Error.Invalid("phone", $"Số điện thoại gồm chữ số (có thể có dấu cách, dấu chấm, +, -, ngoặc), tối đa {TextLimits.Phone} ký tự."));
        }

        var role = StaffRoles.All.FirstOrDefault(r => string.Equals(r, s.Role?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (role is null)
        {
            errors.Add(Error.Invalid("role", $"Vai trò phải là một trong: {string.Join(", ", StaffRoles.All)}."));
        }

        var unit = string.IsNullOrWhiteSpace(s.UnitCode) ? null : await db.Set<OrgUnit>().FirstOrDefaultAsync(u => u.Code == s.UnitCode.Trim(), ct);
        if (unit is null)
        {
            errors.Add(Error.Invalid("unit", $"Không có đơn vị với mã \"{s.UnitCode}\" (mã của Trung tâm, chi nhánh, điểm tiếp nhận hoặc cơ quan)."));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        if (await users.FindByNameAsync(userName) is not null)
        {
            return Error.Conflict($"Đã có tài khoản \"{userName}\".");
        }

        var generated = string.IsNullOrEmpty(s.Password);
        var password = generated ? NewPassword() : s.Password!;
        var user = new StaffUser { Id = Guid.CreateVersion7(), UserName = userName, FullName = fullName, UnitId = unit!.Id, UnitName = unit.Name, PhoneNumber = phone };

        // The account, its role and the audit line together or not at all (the user manager saves on the same context).
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created.Errors.Select(e => Error.Invalid("password", $"Mật khẩu không đạt yêu cầu: {e.Description}")).ToList();
        }

        // The roles are seeded at every start (DemoStaffSeeder), so a refusal here is a broken installation, not bad input.
        if (await users.AddToRoleAsync(user, role!) is { Succeeded: false } refused)
        {
            throw new InvalidOperationException(string.Join("; ", refused.Errors.Select(e => e.Description)));
        }

        audit.Record("staff.added", $"staff:{userName}", $"{role}; {unit.Code}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new AddedStaff(userName, fullName, role!, unit.Code, unit.Name, password, generated);
    }

    /// <summary>20 characters from upper and lower letters, digits and symbols (each at least once), from the OS's random source.</summary>
    private static string NewPassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789", symbols = "@#%+=?!";
        const string all = upper + lower + digits + symbols;
        var chars = new[] { Pick(upper), Pick(lower), Pick(digits), Pick(symbols) }.Concat(Enumerable.Range(0, 16).Select(_ => Pick(all))).ToArray();
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);

        static char Pick(string from) => from[RandomNumberGenerator.GetInt32(from.Length)];
    }
}
