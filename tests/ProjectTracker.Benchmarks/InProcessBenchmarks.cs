using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;
using ProjectTracker.Api.Spreadsheets;

namespace ProjectTracker.Benchmarks;

/// <summary>The hot pieces of a request that involve no database: JSON, validation, spreadsheet rows.</summary>
[MemoryDiagnoser]
public class InProcessBenchmarks
{
    private readonly JsonSerializerOptions json = new();
    private readonly ProjectRequestValidator validator = new(new ReferenceCatalog(Sample.Reference), TimeProvider.System);
    private readonly ProjectFilterValidator filterValidator = new(new ReferenceCatalog(Sample.Reference));
    private ProjectPage page = null!;
    private ProjectRequest request = null!;
    private ProjectFilter filter = null!;
    private Dictionary<ProjectColumn, string?> row = null!;

    [GlobalSetup]
    public void Setup()
    {
        ApiServices.Configure(json);
        page = new ProjectPage(Enumerable.Range(1, 50).Select(id => Sample.Project(id)).ToList(), "c2lnbmVkT24", null);
        request = Sample.Request();
        filter = new ProjectFilter { District = ["jiangxia"], Status = [ProjectStatus.Signed], Q = "医疗" };
        row = new Dictionary<ProjectColumn, string?>
        {
            [ProjectSheet.NameZh] = "智能医疗基地建设项目(一期)", [ProjectSheet.District] = "江夏区", [ProjectSheet.Park] = "庙山产业园区",
            [ProjectSheet.Sector] = "生物医药与医疗器械", [ProjectSheet.Status] = "开工", [ProjectSheet.Amount] = "约24.5亿元",
            [ProjectSheet.SignedOn] = "2022年12月", [ProjectSheet.StartedOn] = "2023-01-31", [ProjectSheet.Investors] = "湖北医疗科技有限公司",
        };
    }

    [Benchmark(Description = "JSON: a page of 50 projects")]
    public byte[] SerializePage() => JsonSerializer.SerializeToUtf8Bytes(page, json);

    [Benchmark(Description = "Validate a project request")]
    public async Task<bool> ValidateProject() => (await validator.ValidateAsync(request)).IsValid;

    [Benchmark(Description = "Validate list filters")]
    public async Task<bool> ValidateFilter() => (await filterValidator.ValidateAsync(filter)).IsValid;

    [Benchmark(Description = "Spreadsheet row to request")]
    public ProjectRequest ReadRow() => ProjectSheet.ToRequest(row, Sample.Reference, []);

    [Benchmark(Description = "Request to stored form (search tokens, folding)")]
    public ProjectWrite StoredForm() => ProjectWrite.From(request, Sample.Reference);
}
