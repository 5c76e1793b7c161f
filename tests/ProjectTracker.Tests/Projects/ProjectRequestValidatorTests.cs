using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;
using ProjectTracker.Api.Targets;

namespace ProjectTracker.Tests.Projects;

public sealed class ProjectRequestValidatorTests
{
    internal static readonly ReferenceCatalog Reference = new(new ReferenceSnapshot(
        [
            new Place("420000", "hubei", "湖北省", "湖北", "Hubei Province", PlaceKind.Province, null),
            new Place("420100", "wuhan", "武汉市", "武汉", "Wuhan", PlaceKind.City, "420000"),
            new Place("420115", "jiangxia", "江夏区", "江夏", "Jiangxia District", PlaceKind.District, "420100"),
            new Place("420115Z01", "jiangxia-edz", "江夏经济开发区", "江夏经济开发区", "Jiangxia EDZ", PlaceKind.DevelopmentZone, "420115"),
            new Place("420105", "hanyang", "汉阳区", "汉阳", "Hanyang District", PlaceKind.District, "420100"),
        ],
        [
            new Park("miaoshan", "庙山产业园区", "Miaoshan Industrial Park", "420115Z01"),
            new Park("longyanghu-health", "龙阳湖健康谷", "Longyang Lake Health Valley", "420105"),
        ],
        [
            new Sector("manufacturing", null, "先进制造业", "Advanced manufacturing", 1),
            new Sector("biomedicine", "manufacturing", "生物医药与医疗器械", "Biomedicine", 13),
            new Sector("services", null, "现代服务业", "Modern services", 2),
            new Sector("headquarters", "services", "总部经济", "Headquarters economy", 30),
        ]));

    private readonly ProjectRequestValidator validator = new(Reference, TimeProvider.System);

    internal static ProjectRequest Valid() => new()
    {
        NameZh = "智能医疗基地建设项目(一期)",
        Kind = ProjectKind.Investment,
        District = "jiangxia",
        Park = "miaoshan",
        Sector = "biomedicine",
        Status = ProjectStatus.Started,
        Amount = 24.5m,
        StartedOn = PartialDate.Day(2023, 1, 31),
        LandAreaSqm = 533000,
    };

    [Fact]
    public async Task AValidRequestPasses()
    {
        var result = await validator.ValidateAsync(Valid(), TestContext.Current.CancellationToken);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    public static TheoryData<string, ProjectRequest, string> BadRequests => new()
    {
        { "missing name", Valid() with { NameZh = "  " }, "nameZh" },
        { "name too long", Valid() with { NameZh = new string('项', 201) }, "nameZh" },
        { "name over two lines", Valid() with { NameZh = "第一行\n第二行" }, "nameZh" },
        { "missing kind", Valid() with { Kind = null }, "kind" },
        { "unknown kind number", Valid() with { Kind = (ProjectKind)42 }, "kind" },
        { "missing status", Valid() with { Status = null }, "status" },
        { "unknown district", Valid() with { District = "mars" }, "district" },
        { "injection as district", Valid() with { District = "' OR 1=1 --" }, "district" },
        { "unknown park", Valid() with { Park = "nowhere" }, "park" },
        { "park outside district", Valid() with { District = "hanyang", Park = "miaoshan" }, "park" },
        { "unknown sector", Valid() with { Sector = "mining" }, "sector" },
        { "zero amount", Valid() with { Amount = 0m }, "amount" },
        { "negative amount", Valid() with { Amount = -3m }, "amount" },
        { "five decimals", Valid() with { Amount = 1.23456m }, "amount" },
        { "absurd amount", Valid() with { Amount = 1_000_000m }, "amount" },
        { "qualifier without amount", Valid() with { Amount = null, AmountQualifier = AmountQualifier.Approx }, "amountQualifier" },
        { "phase without name", Valid() with { Phases = [new PhaseRequest { Amount = 1 }] }, "phases[0].name" },
        { "phase with bad amount", Valid() with { Phases = [new PhaseRequest { Name = "一期", Amount = -1 }] }, "phases[0].amount" },
        { "phases disagree", Valid() with { Amount = 10, Phases = [new PhaseRequest { Name = "一期", Amount = 1 }, new PhaseRequest { Name = "二期", Amount = 2 }] }, "phases" },
        { "same phase twice", Valid() with { Phases = [new PhaseRequest { Name = "一期" }, new PhaseRequest { Name = "一期" }] }, "phases" },
        { "signed with a start date", Valid() with { Status = ProjectStatus.Signed }, "status" },
        { "started before signed", Valid() with { SignedOn = PartialDate.Day(2023, 2, 1), StartedOn = PartialDate.Day(2023, 1, 31) }, "startedOn" },
        { "completed while started", Valid() with { CompletedOn = PartialDate.Year(2024) }, "status" },
        { "far past", Valid() with { StartedOn = PartialDate.Year(1985) }, "startedOn" },
        { "far future", Valid() with { StartedOn = PartialDate.Year(DateTime.UtcNow.Year + 5) }, "startedOn" },
        { "bad project code", Valid() with { ProjectCode = "2023-4201-1" }, "projectCode" },
        { "negative land", Valid() with { LandAreaSqm = -1 }, "landAreaSqm" },
        { "notes too long", Valid() with { Notes = new string('字', 4001) }, "notes" },
        { "control character in investor", Valid() with { Investors = ["公司\u0000"] }, "investors[0]" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task EachBadRequestNamesTheField(string because, ProjectRequest request, string field)
    {
        var result = await validator.ValidateAsync(request, TestContext.Current.CancellationToken);

        Assert.False(result.IsValid, because);
        Assert.Contains(result.Errors, error => error.PropertyName == field);
    }

    [Theory]
    [InlineData(ProjectStatus.Started)]
    [InlineData(ProjectStatus.Completed)]
    public async Task AStageWhoseDateIsNotKnownIsStillThatStage(ProjectStatus status)
    {
        // A work report's "建成通车" or "有序施工" without a date: the project is completed or started, its dates unknown.
        var result = await validator.ValidateAsync(Valid() with { Status = status, StartedOn = null, CompletedOn = null }, TestContext.Current.CancellationToken);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Fact]
    public async Task AValidNationalProjectCodePasses()
    {
        var result = await validator.ValidateAsync(Valid() with { ProjectCode = "2023-420115-35-03-012345" }, TestContext.Current.CancellationToken);

        Assert.True(result.IsValid);
    }

    [Fact]
    public void TextIsTrimmedAndNormalisedOnArrival() =>
        Assert.Equal("浩川水利总部项目", new ProjectRequest { NameZh = "  浩川水利总部项目\t" }.NameZh);

    [Fact]
    public async Task ATargetCountMustBeWhole()
    {
        var targets = new TargetRequestValidator(Reference);

        var result = await targets.ValidateAsync(new TargetRequest
        {
            District = "420115", Year = 2024, Measure = TargetMeasure.SignedCount, Value = 15.5m, Title = "不低于15个",
        }, TestContext.Current.CancellationToken);

        Assert.Contains(result.Errors, error => error.PropertyName == "value");
    }
}
