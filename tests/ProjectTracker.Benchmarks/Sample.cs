using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Benchmarks;

/// <summary>Reference data and projects shaped like the seeds, built in memory.</summary>
public static class Sample
{
    public static readonly ReferenceSnapshot Reference = new(
        [
            new Place("420000", "hubei", "湖北省", "湖北", "Hubei Province", PlaceKind.Province, null),
            new Place("420100", "wuhan", "武汉市", "武汉", "Wuhan", PlaceKind.City, "420000"),
            new Place("420115", "jiangxia", "江夏区", "江夏", "Jiangxia District", PlaceKind.District, "420100"),
            new Place("420115Z01", "jiangxia-edz", "江夏经济开发区", "江夏经济开发区", "Jiangxia EDZ", PlaceKind.DevelopmentZone, "420115"),
            new Place("420105", "hanyang", "汉阳区", "汉阳", "Hanyang District", PlaceKind.District, "420100"),
        ],
        [new Park("miaoshan", "庙山产业园区", "Miaoshan Industrial Park", "420115Z01")],
        [
            new Sector("manufacturing", null, "先进制造业", "Advanced manufacturing", 1),
            new Sector("biomedicine", "manufacturing", "生物医药与医疗器械", "Biomedicine", 13),
            new Sector("services", null, "现代服务业", "Modern services", 2),
            new Sector("headquarters", "services", "总部经济", "Headquarters economy", 30),
        ]);

    public static ProjectRequest Request() => new()
    {
        NameZh = "智能医疗基地建设项目(一期)",
        Kind = ProjectKind.Investment,
        Investors = ["湖北医疗科技有限公司"],
        District = "jiangxia",
        Park = "miaoshan",
        Sector = "biomedicine",
        Status = ProjectStatus.Started,
        Amount = 24.5m,
        SignedOn = PartialDate.Month(2022, 12),
        StartedOn = PartialDate.Day(2023, 1, 31),
        LandAreaSqm = 533000,
        Notes = "位于江夏经济开发区庙山产业园区",
    };

    public static Project Project(long id) => new(
        id, "智能医疗基地建设项目(一期)", "Smart Medical Base (Phase 1)", ProjectKind.Investment, ["湖北医疗科技有限公司"],
        new NamedRef("420115", "江夏区", "Jiangxia District"), new NamedRef("miaoshan", "庙山产业园区", "Miaoshan Industrial Park"),
        new SectorRef("biomedicine", "生物医药与医疗器械", "Biomedicine", "manufacturing"), ProjectStatus.Started, 24.5m, AmountQualifier.Exact,
        Currency.Cny, [new Phase("一期", 24.5m, AmountQualifier.Exact)], 24.5m, AmountQualifier.Exact,
        PartialDate.Month(2022, 12), PartialDate.Day(2023, 1, 31), null, "2023-420115-35-03-012345", 533000m, "位于江夏经济开发区庙山产业园区", 3,
        DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, null);
}
