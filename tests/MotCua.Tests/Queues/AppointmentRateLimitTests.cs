using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using MotCua.Platform.Http;
using MotCua.Platform.Identity;

namespace MotCua.Tests.Queues;

/// <summary>The booking rate limit counts every write against both the citizen and the client address.</summary>
public sealed class AppointmentRateLimitTests
{
    [Fact]
    public void A_booking_counts_against_both_the_person_and_the_address_and_reads_are_free()
    {
        using var policy = new IdentityAndAddressRateLimit(perPersonPerMinute: 2, perAddressPerMinute: 3);
        bool Try(string method, string person, string address)
        {
            var http = new DefaultHttpContext();
            http.Request.Method = method;
            http.Connection.RemoteIpAddress = IPAddress.Parse(address);
            http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(CitizenClaims.IdNumber, person)], "test"));
            var partition = policy.GetPartition(http);
            using var lease = partition.Factory(partition.PartitionKey).AttemptAcquire();
            return lease.IsAcquired;
        }

        Try("POST", "001090000001", "10.0.0.1").ShouldBeTrue();
        Try("POST", "001090000001", "10.0.0.1").ShouldBeTrue();
        Try("POST", "001090000001", "10.0.0.2").ShouldBeFalse("the person's limit holds from another address");
        Try("POST", "001085000002", "10.0.0.1").ShouldBeTrue();
        Try("POST", "001078000003", "10.0.0.1").ShouldBeFalse("the address's limit holds for another person");
        Try("POST", "001078000003", "10.0.0.3").ShouldBeTrue();
        Try("GET", "001090000001", "10.0.0.1").ShouldBeTrue("looking at slots is not limited by this policy");
    }
}
