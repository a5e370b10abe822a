using MotCua.Queues.ServiceGroups;

namespace MotCua.Tests.Queues;

public sealed class ServiceGroupTests
{
    private static readonly ServiceGroupList Groups = ServiceGroupList.Embedded();

    [Fact]
    public void Each_group_has_its_own_code_and_ticket_letter_and_one_is_the_fallback()
    {
        Groups.All.Select(g => g.Code).ShouldBeUnique();
        Groups.All.Select(g => g.Letter).ShouldBeUnique();
        Groups.All.Count(g => g.Fallback).ShouldBe(1);
        Groups.All.ShouldAllBe(g => g.AverageServiceMinutes > 0);
    }

    [Theory]
    [InlineData("Hộ tịch", "HT")]
    [InlineData("Đất đai", "DD")]
    [InlineData("Đăng ký, quản lý cư trú", "CA")]
    [InlineData("Văn hóa cơ sở", "KH")]
    [InlineData(null, "KH")]
    public void A_procedure_field_leads_to_its_group_or_the_fallback(string? field, string group)
        => Groups.ForField(field).Code.ShouldBe(group);

    [Fact]
    public void Codes_are_found_and_unknown_codes_are_not()
    {
        Groups.Find("HT")!.Letter.ShouldBe("A");
        Groups.Find("XX").ShouldBeNull();
        Groups.Find(null).ShouldBeNull();
    }
}
