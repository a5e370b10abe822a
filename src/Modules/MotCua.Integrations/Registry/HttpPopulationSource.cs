using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MotCua.Integrations.Contracts;
using MotCua.Integrations.Simulators;

namespace MotCua.Integrations.Registry;

/// <summary>
/// The registry over HTTP: <c>GET {BaseUrl}/citizens/{idNumber}</c> with the center's key; 200 is the citizen (the JSON of
/// <see cref="RegistryRecord"/>), 404 an unknown ID number, anything else — an error, a time-out, no connection — "did not
/// answer". Where no address is configured and the simulators run, the app's own simulator is asked, over HTTP all the same.
/// </summary>
internal sealed class HttpPopulationSource(
    IHttpClientFactory clients, IOptions<RegistryOptions> options, SimulatorSwitch simulators, IServer server, ILogger<HttpPopulationSource> log)
{
    public const string ClientName = "population-registry";

    public async Task<RegistryAnswer> LookUpAsync(string idNumber, CancellationToken ct)
    {
        var settings = options.Value;
        var baseUrl = settings.BaseUrl is { Length: > 0 } configured ? configured : simulators.Enabled ? OwnAddress() + RegistrySimulatorPaths.Api : null;
        if (baseUrl is null)
        {
            return RegistryAnswer.Unavailable("Chưa cấu hình địa chỉ CSDL quốc gia về dân cư (MotCua:Registry:BaseUrl).");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(baseUrl.TrimEnd('/') + "/"), $"citizens/{Uri.EscapeDataString(idNumber)}"));
            if ((settings.BaseUrl is { Length: > 0 } ? settings.ApiKey : simulators.RegistryKey) is { Length: > 0 } key)
            {
                request.Headers.Add("X-Api-Key", key);
            }

            using var response = await clients.CreateClient(ClientName).SendAsync(request, timeout.Token);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return RegistryAnswer.NotFound;
            }

            if (!response.IsSuccessStatusCode)
            {
                log.LogWarning("The population registry answered {Status} for a look-up.", (int)response.StatusCode);
                return RegistryAnswer.Unavailable($"CSDL dân cư trả lời lỗi {(int)response.StatusCode}.");
            }

            var record = await response.Content.ReadFromJsonAsync<RegistryRecord>(timeout.Token);
            return record?.ToCitizen() is { } citizen
                ? RegistryAnswer.Found(citizen)
                : RegistryAnswer.Unavailable("CSDL dân cư trả lời dữ liệu không đọc được.");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            log.LogWarning("The population registry did not answer within {Seconds} s.", settings.TimeoutSeconds);
            return RegistryAnswer.Unavailable($"CSDL dân cư không trả lời trong {settings.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)} giây.");
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or NotSupportedException)
        {
            log.LogWarning(e, "The population registry could not be reached.");
            return RegistryAnswer.Unavailable("Không kết nối được CSDL dân cư.");
        }
    }

    /// <summary>The address this node listens on (the first plain-HTTP one, else the first), to reach its own simulator.</summary>
    private string OwnAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var chosen = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) ?? addresses.FirstOrDefault() ?? "http://localhost:5000";
        return chosen.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://[::1]", StringComparison.Ordinal).TrimEnd('/');
    }
}

/// <summary>The registry's record of a citizen as it travels over HTTP (dates as yyyy-MM-dd).</summary>
internal sealed record RegistryRecord(
    string IdNumber, string FullName, string DateOfBirth, string Sex, string PermanentAddress, string? TemporaryAddress, string WardCode,
    string? HouseholdNumber, string? HouseholdHead, string? RelationToHead, string? Phone)
{
    public static RegistryRecord Of(Citizen c) => new(c.IdNumber, c.FullName, c.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.Gender,
        c.PermanentAddress, c.TemporaryAddress, c.WardCode, c.HouseholdNumber, c.HouseholdHead, c.RelationToHead, c.Phone);

    public Citizen? ToCitizen()
        => DateOnly.TryParseExact(DateOfBirth, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born)
           && !string.IsNullOrWhiteSpace(IdNumber) && !string.IsNullOrWhiteSpace(FullName)
            ? new Citizen(IdNumber, FullName, born, Sex, PermanentAddress, WardCode, Phone ?? "")
            {
                TemporaryAddress = TemporaryAddress,
                HouseholdNumber = HouseholdNumber,
                HouseholdHead = HouseholdHead,
                RelationToHead = RelationToHead,
            }
            : null;
}
