using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Data;
using MotCua.Platform.Identity;

namespace MotCua.Web.Startup;

/// <summary>Prints where MotCua listens and the demo accounts once it is up.</summary>
internal sealed class Banner(IHostApplicationLifetime lifetime, IServer server, DatabaseSettings database, IConfiguration configuration, IHostEnvironment environment) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var lines = new List<string>
            {
                "",
                "MotCua — Trung tâm Phục vụ hành chính công",
                $"  Web + API:  {string.Join("  ", addresses)}   (API docs: /api-docs, OpenAPI: /openapi/v1.json)",
                $"  Database:   {database.Provider} ({database.DataDirectory})",
            };
            if (environment.IsDevelopment() && DemoStaff.Enabled(configuration))
            {
                lines.Add($"  Demo staff accounts (password {DemoStaff.Password}):");
                lines.AddRange(DemoStaff.Accounts.Select(a => $"    {a.UserName,-11} {StaffRoles.DisplayName(a.Role)}"));
            }

            Console.WriteLine(string.Join(Environment.NewLine, lines) + Environment.NewLine);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
