using System.Text;
using Microsoft.Playwright;
using ProjectTracker.Api.Projects;
using ProjectTracker.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ProjectTracker.IntegrationTests.Browser;

/// <summary>The web app in a real browser, used as staff and leaders use it: typing, choosing, clicking, reading the screen.</summary>
public sealed class WebAppTests(BrowserApp app) : BrowserTests(app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ViewerSignsInSeesTheirRoleAndNoWriteControls()
    {
        await Page.GotoAsync("/#/signin");
        await AssertAccessibleAsync("sign-in");
        await SignInAsync(App.ViewerKey, "查看");

        var menu = Page.GetByRole(AriaRole.Navigation, new() { Name = "主菜单" });
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "项目查询" })).ToBeVisibleAsync();
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "录入签约/开工" })).ToHaveCountAsync(0);
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "表格导入" })).ToHaveCountAsync(0);
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "密钥管理" })).ToHaveCountAsync(0);

        var project = await CreateProjectAsync("浏览器测试只读项目");
        await Page.GotoAsync($"/#/projects/{project.Id}");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "浏览器测试只读项目" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "修改" })).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "变更状态" })).ToHaveCountAsync(0);
        await AssertAccessibleAsync("project page");

        await Page.GotoAsync("/#/projects/new");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "此页面需要录入权限的密钥" })).ToBeVisibleAsync();
        await Expect(Page.Locator("#project-form")).ToHaveCountAsync(0);

        // The English switch: labels change, the language of the page too.
        await Page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" }).GetByRole(AriaRole.Link, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "This page needs an editor key" })).ToBeVisibleAsync();
        AssertCleanConsole();
    }

    [Fact]
    public async Task SigningWithAProblemShowsItBesideTheFieldThenSavesAndTheDashboardCountsIt()
    {
        await SignInAsync(App.EditorKey, "录入");
        var dashboard = "/#/dashboard?period=year&year=2025&scope=420115";
        await Page.GotoAsync(dashboard);
        var signedBefore = await SignedCountAsync("420115");

        await Page.GotoAsync("/#/projects/new");
        await Page.GetByLabel("项目名称").FillAsync("浏览器测试智能装备产业园");
        await Page.GetByLabel("投资方").FillAsync("武汉浏览器测试科技有限公司");
        await Page.GetByLabel("区（地区）").FillAsync("江夏区");
        await Page.GetByLabel("投资额").FillAsync("约1.5亿元");
        await Expect(Page.Locator("output.parsed").First).ToHaveTextAsync("= 约1.5 亿元");
        await Page.GetByLabel("签约日期").FillAsync("2025-03");
        // No sector: the API refuses it, and says so beside the sector picker.
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        var sector = Page.GetByLabel("行业");
        await Expect(sector).ToHaveAttributeAsync("aria-invalid", "true");
        var sectorError = Page.Locator($"#{await sector.GetAttributeAsync("id")}-error");
        await Expect(sectorError).ToContainTextAsync("sector");
        // The API's message is English: the field's Chinese label stands before it, and it is marked as English for screen readers.
        await Expect(sectorError.Locator(".error-field")).ToHaveTextAsync("行业：");
        await Expect(sectorError.Locator("[lang='en']")).ToContainTextAsync("sector");
        await Expect(Page.Locator("#alert")).ToContainTextAsync("有 1 处需要修改");
        await Expect(Page.Locator(".form-problems")).ToHaveTextAsync("有 1 处需要修改");
        await AssertAccessibleAsync("signing form with a problem");
        Directory.CreateDirectory(ScreenshotFolder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "signing-form.png"), FullPage = true });

        await sector.SelectOptionAsync(new SelectOptionValue { Label = "生物医药与医疗器械" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "浏览器测试智能装备产业园", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.Locator(".facts")).ToContainTextAsync("约1.5 亿元");

        await Page.GotoAsync(dashboard);
        await Expect(SignedCountLink("420115")).ToHaveTextAsync((signedBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await AssertAccessibleAsync("dashboard");
        await Page.GotoAsync("/#/dashboard?period=custom&from=2017&to=2025&scope=420100");
        await Expect(Page.GetByLabel("自", new() { Exact = true })).ToHaveValueAsync("2017");
        await Expect(Page.Locator(".panels[aria-busy='false'] #totals-chart canvas")).ToHaveCountAsync(1);
        // A chart below the fold is drawn when it is scrolled to.
        await Expect(Page.Locator("#series-chart canvas")).ToHaveCountAsync(0);
        await Page.Locator("#series-chart").ScrollIntoViewIfNeededAsync();
        await Expect(Page.Locator("#series-chart canvas")).ToHaveCountAsync(1);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "dashboard.png"), FullPage = true });

        // The figure drills down to the projects behind it.
        await Page.GotoAsync(dashboard);
        await SignedCountLink("420115").ClickAsync();
        await Expect(Page.Locator("#project-list")).ToContainTextAsync("浏览器测试智能装备产业园");
        await Expect(Page.Locator("#result-count")).ToHaveTextAsync($"共 {signedBefore + 1} 个项目");
        await AssertAccessibleAsync("project list");
        AssertCleanConsole();
    }

    [Fact]
    public async Task TheDashboardRevalidatesWithETagsAndRedrawsWhenTheDataChanges()
    {
        var dashboardAnswers = new System.Collections.Concurrent.ConcurrentQueue<int>();
        Page.Response += (_, response) => { if (response.Url.Contains("/api/dashboard/", StringComparison.Ordinal)) dashboardAnswers.Enqueue(response.Status); };
        await SignInAsync(App.ViewerKey, "查看");
        await Page.GotoAsync("/#/dashboard?period=year&year=2026&scope=420115&refresh=2");
        var before = await SignedCountAsync("420115", "2026");

        // Nothing changed: the next round of requests is answered 304, and costs the page nothing.
        for (var waited = 0; waited < 100 && !dashboardAnswers.Contains(304); waited++) await Task.Delay(100, Ct);
        Assert.Contains(304, dashboardAnswers);

        var created = await App.HttpClient(App.EditorKey).PostAsync("/api/projects", ApiJson.Project("浏览器测试自动刷新项目", signedOn: "2026-01-15"));
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        await Expect(SignedCountLink("420115")).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 10_000 });
        await Expect(Page.Locator("#freshness")).ToContainTextAsync("数据最后变化");
        AssertCleanConsole();
    }

    [Fact]
    public async Task WithoutAYearTheDashboardOpensOnTheYearOfTheLatestSigning()
    {
        await SignInAsync(App.ViewerKey, "查看");
        var latestBefore = await LatestSigningYearAsync();
        await Page.GotoAsync("/#/dashboard?scope=420100");
        await Expect(Page.Locator(".panels[aria-busy='false']")).ToHaveCountAsync(1);
        var shown = await Page.GetByLabel("年份").InputValueAsync();

        // Another test may sign a project of this year meanwhile: the year shown is the latest before or after.
        Assert.Contains(shown, new[] { latestBefore, await LatestSigningYearAsync() });
        var thisYear = DateTime.Now.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (shown == thisYear) Assert.DoesNotContain("year=", Page.Url, StringComparison.Ordinal);
        else Assert.Contains($"year={shown}", Page.Url, StringComparison.Ordinal);
        await Expect(Page.Locator("#totals-chart canvas")).ToHaveCountAsync(1);
        AssertCleanConsole();
    }

    private async Task<string> LatestSigningYearAsync()
    {
        var page = await (await App.HttpClient(App.ViewerKey).GetAsync("/api/projects?sort=-signedOn&limit=1")).ReadAsync<ProjectTracker.Api.Projects.ProjectPage>();
        return page.Items[0].SignedOn!.Value.Start.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task AReportedBatchOfASeveralYearPeriodOpensTheListOfItsItemisedProjects()
    {
        await SignInAsync(App.ViewerKey, "查看");
        // Wuhan 2017–2025: the batches of every year of the period, not only of its last (which used to show 无).
        await Page.GotoAsync("/#/dashboard?period=custom&from=2017&to=2025&scope=420100");
        await Expect(Page.Locator(".panels[aria-busy='false']")).ToHaveCountAsync(1);
        var batch = Page.Locator("#batches-table tbody tr", new() { HasText = "汉阳区2020年签约落户金茂绿建华中总部" });
        await Expect(batch).ToHaveCountAsync(1);
        await Expect(Page.Locator("#batches-table tbody tr", new() { HasText = "汉阳区2017年新港长江城一期等30个项目开工" })).ToHaveCountAsync(1);
        await AssertAccessibleAsync("dashboard of several years");
        // What documents report for places in the scope and the period stands beside the itemised figures.
        await Expect(Page.Locator("#reported-table tbody tr", new() { HasText = "汉阳区2017年招商引资总额" })).ToContainTextAsync("588.9 亿元");

        // By keyboard, as a person without a mouse opens it: the itemised count is a link to the batch's projects.
        var itemised = batch.GetByRole(AriaRole.Link, new() { Name = "2 个逐项记录的项目：汉阳区2020年签约落户金茂绿建华中总部、中农网华中总部等重点产业项目22个" });
        var batchId = await batch.GetAttributeAsync("data-batch");
        await itemised.FocusAsync();
        await Page.Keyboard.PressAsync("Enter");

        await Expect(Page.Locator("#result-count")).ToHaveTextAsync("共 2 个项目");
        await Expect(Page.Locator("#project-list tbody tr")).ToHaveCountAsync(2);
        await Expect(Page.Locator("#project-list")).ToContainTextAsync("金茂绿建华中总部");
        await Expect(Page.Locator("#project-list")).ToContainTextAsync("中农网华中总部");
        await Expect(Page.GetByLabel("通报批次编号")).ToHaveValueAsync(batchId ?? "");
        await AssertAccessibleAsync("project list of a batch");
        AssertCleanConsole();
    }

    [Fact]
    public async Task AProvincesDashboardTotalsItsCitiesAndACityDrillsDownToItsProjects()
    {
        await SignInAsync(App.ViewerKey, "查看");
        await Page.GotoAsync("/#/dashboard?period=custom&from=2017&to=2025&scope=420000");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "各市（州）签约、开工、竣工" })).ToBeVisibleAsync();
        var wuhan = Page.Locator("#totals-table tr[data-place='420100']");
        await Expect(wuhan.GetByRole(AriaRole.Rowheader)).ToHaveTextAsync("武汉市");
        await AssertAccessibleAsync("a province's dashboard");

        var signed = await wuhan.Locator("a[data-measure='signed']").InnerTextAsync();
        await wuhan.Locator("a[data-measure='signed']").ClickAsync();
        await Expect(Page.Locator("#result-count")).ToHaveTextAsync($"共 {signed} 个项目");
        AssertCleanConsole();
    }

    [Fact]
    public async Task GroundbreakingRecordsThreeProjectsInOneForm()
    {
        var existing = await CreateProjectAsync("浏览器测试已签约待开工项目");
        await SignInAsync(App.EditorKey, "录入");
        await Page.GotoAsync("/#/events/new");
        await Page.GetByLabel("活动类型").SelectOptionAsync("groundbreaking");
        await Page.GetByLabel("活动日期").FillAsync("2025-04-18");
        await Page.GetByLabel("区（地区）").First.FillAsync("jiangxia");
        await Page.GetByLabel("活动名称").FillAsync("浏览器测试2025年二季度集中开工活动");

        var rows = Page.Locator(".event-project");
        await FillNewProjectAsync(rows.Nth(0), "浏览器测试开工项目甲", "生物医药与医疗器械", "3000万元");
        await Page.GetByRole(AriaRole.Button, new() { Name = "添加新项目" }).ClickAsync();
        await FillNewProjectAsync(rows.Nth(1), "浏览器测试开工项目乙", "生物医药与医疗器械", "5.6亿美元");
        await Page.GetByRole(AriaRole.Button, new() { Name = "添加已有项目" }).ClickAsync();
        await rows.Nth(2).GetByLabel("按名称查找项目").FillAsync("已签约待开工");
        var choice = rows.Nth(2).GetByLabel("选择项目");
        await Expect(choice.Locator($"option[value='{existing.Id}']")).ToHaveCountAsync(1);
        await choice.SelectOptionAsync(existing.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await AssertAccessibleAsync("event form");

        await Page.GetByRole(AriaRole.Button, new() { Name = "保存活动及全部项目" }).ClickAsync();
        await Expect(Page.Locator("#event-saved")).ToHaveTextAsync("已保存活动，含 3 个项目");

        var started = await (await App.HttpClient(App.ViewerKey).GetAsync($"/api/projects/{existing.Id}", Ct)).ReadAsync<Project>();
        Assert.Equal(ProjectStatus.Started, started.Status);
        Assert.Equal("2025-04-18", started.StartedOn?.ToString());
        var page = await (await App.HttpClient(App.ViewerKey).GetAsync("/api/projects?q=浏览器测试开工项目&status=started", Ct)).ReadAsync<ProjectPage>();
        Assert.Equal(["浏览器测试开工项目乙", "浏览器测试开工项目甲"], page.Items.Select(project => project.NameZh).Order().ToArray());
        Assert.Equal(Currency.Usd, page.Items.Single(project => project.NameZh.EndsWith('乙')).Currency);
        Assert.Equal(0.3m, page.Items.Single(project => project.NameZh.EndsWith('甲')).Amount);
        AssertCleanConsole();
    }

    [Fact]
    public async Task StaleEditShowsTheirVersionBesideMineAndSavesMineOverTheirs()
    {
        var project = await CreateProjectAsync("浏览器测试并发修改项目");
        await SignInAsync(App.EditorKey, "录入");
        await Page.GotoAsync($"/#/projects/{project.Id}/edit");
        await Expect(Page.GetByLabel("项目名称")).ToHaveValueAsync("浏览器测试并发修改项目");

        // Someone else saves first.
        var theirs = ApiJson.Project("浏览器测试并发修改项目", signedOn: "2024-05") with { Notes = "对方的备注" };
        var saved = await App.HttpClient(App.EditorKey).PutAsync($"/api/projects/{project.Id}", theirs, $"\"{project.Version}\"");
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync(Ct));

        await Page.GetByLabel("备注").FillAsync("我的备注");
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        var conflict = Page.Locator("#conflict");
        await Expect(conflict.GetByRole(AriaRole.Heading, new() { Name = "别人已先保存了这个项目" })).ToBeVisibleAsync();
        var notesRow = Page.Locator("#conflict-table tr", new() { HasText = "备注" });
        await Expect(notesRow.Locator("td").Nth(0)).ToHaveTextAsync("对方的备注");
        await Expect(notesRow.Locator("td").Nth(1)).ToHaveTextAsync("我的备注");
        await AssertAccessibleAsync("edit conflict");

        await Page.GetByRole(AriaRole.Button, new() { Name = "在对方版本上保存我的修改" }).ClickAsync();
        await Expect(Page.Locator(".facts")).ToContainTextAsync("我的备注");
        var final = await (await App.HttpClient(App.ViewerKey).GetAsync($"/api/projects/{project.Id}", Ct)).ReadAsync<Project>();
        Assert.Equal("我的备注", final.Notes);
        Assert.Equal(project.Version + 2, final.Version);
        AssertCleanConsole();
    }

    [Fact]
    public async Task ImportWithOneBadRowNamesThatRowAndColumn()
    {
        await SignInAsync(App.EditorKey, "录入");
        await Page.GotoAsync("/#/imports");
        var csv = new StringBuilder()
            .AppendLine("项目名称,区,行业,状态,投资额(亿元),签约日期")
            .AppendLine("浏览器测试导入项目一,江夏区,生物医药与医疗器械,签约,约2亿元,2025-01")
            .AppendLine("浏览器测试导入项目二,江夏区,不存在的行业,签约,3000万元,2025-02")
            .AppendLine("浏览器测试导入项目三,江夏区,生物医药与医疗器械,签约,5,2025-03")
            .ToString();
        await Page.GetByLabel("表格文件（.xlsx 或 .csv）").SetInputFilesAsync(new FilePayload
        {
            Name = "signings.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv),
        });
        await Page.GetByRole(AriaRole.Button, new() { Name = "上传并导入" }).ClickAsync();
        await Expect(Page.Locator("#import-state")).ToContainTextAsync("未导入（有错误行）");
        var errors = Page.Locator("#import-errors tbody tr");
        await Expect(errors).ToHaveCountAsync(1);
        await Expect(errors.Locator("td").Nth(0)).ToHaveTextAsync("3");
        await Expect(errors.Locator("td").Nth(1)).ToHaveTextAsync("行业");
        await Expect(errors.Locator("td").Nth(2)).ToContainTextAsync("不存在的行业");
        await Expect(Page.Locator("#import-status")).Not.ToContainTextAsync("null");
        await AssertAccessibleAsync("import with a bad row");

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = "下载模板（CSV）" }).ClickAsync());
        var template = await File.ReadAllTextAsync(await download.PathAsync(), Ct);
        Assert.StartsWith("编号,版本,项目名称,", template.TrimStart('\uFEFF'), StringComparison.Ordinal);
        AssertCleanConsole();
    }

    [Fact]
    public async Task TheKeyboardAloneSignsInFindsProjectsAndSaves()
    {
        await Page.GotoAsync("/#/signin");
        await TabToAsync(Page.GetByLabel("API 密钥"));
        await Page.Keyboard.TypeAsync(App.EditorKey);
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("#who")).ToContainTextAsync("录入");

        await TabToAsync(Page.GetByRole(AriaRole.Link, new() { Name = "项目查询" }));
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "项目查询", Level = 1 })).ToBeVisibleAsync();
        await TabToAsync(Page.GetByLabel("名称包含"));
        await Page.Keyboard.TypeAsync("江夏区");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("#project-list tbody tr").First).ToContainTextAsync("江夏");
        Assert.Contains("q=%E6%B1%9F%E5%A4%8F%E5%8C%BA", Page.Url, StringComparison.Ordinal);
        AssertCleanConsole();
    }

    /// <summary>
    /// The form parses amounts in the browser (the project request takes numbers); it must read every text as the API's
    /// own parser (spreadsheet imports) does, so a figure typed in the form and one imported from Excel never differ.
    /// </summary>
    [Fact]
    public async Task TheFormReadsAmountsExactlyAsTheApiDoes()
    {
        string[] texts =
        [
            "24.5", "约1亿元", "3000万元", "5.6亿美元", "超10亿元", "不低于10亿", "近5亿元", "逾2100亿元", "1,234.5", "20亿元以上", "50多亿",
            "大约3亿", "接近6亿", "0.0001", "12万美元", "80000000元", "亿元", "abc", "", "约", "1.2.3",
            "三十亿元", "超百亿元", "一百二十亿", "两千万元", "10余亿元", "20多亿元", "5亿元左右", "三五亿元", "零亿元",
        ];
        await Page.GotoAsync("/#/signin");
        var json = await Page.EvaluateAsync<string>(
            "async texts => { const { parseAmount } = await import('/app/values.js'); return JSON.stringify(texts.map(parseAmount)); }", texts);
        var browser = System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement[]>(json)!;

        for (var i = 0; i < texts.Length; i++)
        {
            var read = AmountText.TryParse(texts[i], out var parsed);
            Assert.True(read == (browser[i].ValueKind != System.Text.Json.JsonValueKind.Null), $"'{texts[i]}': API read it {read}, browser {browser[i]}");
            if (!read) continue;
            Assert.Equal(parsed.Amount, browser[i].GetProperty("amount").GetDecimal());
            Assert.Equal(parsed.Qualifier is { } q ? Api.Common.EnumNames.Of(q) : null, browser[i].GetProperty("qualifier").GetString());
            Assert.Equal(parsed.Currency?.ToString().ToUpperInvariant(), browser[i].GetProperty("currency").GetString());
        }
    }

    /// <summary>Presses Tab until the element has the focus, as a keyboard user moves through the page (fails if it never does).</summary>
    private async Task TabToAsync(ILocator target)
    {
        for (var presses = 0; presses < 60; presses++)
        {
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement")) return;
            await Page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab never reached {target}");
    }

    [Fact]
    public async Task AdminCreatesAKeyAndSeesItListed()
    {
        await SignInAsync(App.AdminKey, "管理员");
        await Page.GotoAsync("/#/keys");
        await Page.GetByLabel("使用人").FillAsync("浏览器测试 汉阳区投促局");
        await Page.GetByLabel("角色").SelectOptionAsync("editor");
        await Page.GetByLabel("可写地区").FillAsync("hanyang");
        await Page.GetByRole(AriaRole.Button, new() { Name = "创建密钥" }).ClickAsync();
        await Expect(Page.Locator("#new-secret")).ToContainTextAsync("pt_");
        await Expect(Page.Locator("table tr", new() { HasText = "浏览器测试 汉阳区投促局" })).ToContainTextAsync("420105");
        await AssertAccessibleAsync("keys");
        AssertCleanConsole();
    }

    [Fact]
    public async Task AnAnnouncementIsReadIntoDraftsMarkedInItsTextAndOneIsCorrectedAndAccepted()
    {
        await SignInAsync(App.EditorKey, "录入");
        await Page.GotoAsync("/#/intake");
        await Page.GetByLabel("标题").FillAsync("浏览器测试:江夏区集中开工");
        await Page.GetByLabel("发布日期").FillAsync("2023-02-11");
        await Page.GetByLabel("正文").FillAsync(
            "1月31日,江夏区21个重大项目参加集中开工活动,总投资217.24亿元。此次集中开工投资额最大的是浏览器测试医疗基地建设项目(一期),总投资24.5亿元。");
        await Page.GetByRole(AriaRole.Button, new() { Name = "识别" }).ClickAsync();

        var draft = Page.Locator("article.draft").Filter(new() { HasText = "浏览器测试医疗基地建设项目(一期)" });
        await Expect(draft).ToContainTextAsync("24.5");
        await Expect(Page.Locator(".intake-document mark").First).ToContainTextAsync("浏览器测试医疗基地建设项目");
        await Expect(Page.Locator("article.batch")).ToContainTextAsync("21 个项目");
        await AssertAccessibleAsync("intake review");

        // The text names no industry: the reviewer chooses one, then accepts; the project keeps the quote as its source.
        await draft.GetByRole(AriaRole.Button, new() { Name = "修改后采纳" }).ClickAsync();
        await draft.GetByLabel("行业").SelectOptionAsync(new SelectOptionValue { Label = "生物医药与医疗器械" });
        await draft.GetByRole(AriaRole.Button, new() { Name = "保存并采纳" }).ClickAsync();
        await Expect(draft.Locator(".draft-state")).ToContainTextAsync("已采纳");
        await draft.GetByRole(AriaRole.Link, new() { Name = "查看项目" }).ClickAsync();
        await Expect(Page.Locator("h1")).ToContainTextAsync("浏览器测试医疗基地建设项目(一期)");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("浏览器测试:江夏区集中开工");
        AssertCleanConsole();
    }

    private async Task FillNewProjectAsync(ILocator row, string name, string sector, string amount)
    {
        await row.GetByLabel("项目名称").FillAsync(name);
        await row.GetByLabel("行业").SelectOptionAsync(new SelectOptionValue { Label = sector });
        await row.GetByLabel("投资额").FillAsync(amount);
    }

    /// <summary>The dashboard of that year has drawn every panel (they say aria-busy while they load).</summary>
    private async Task DashboardLoadedAsync(string year)
    {
        await Expect(Page.GetByLabel("年份")).ToHaveValueAsync(year);
        await Expect(Page.Locator(".panels[aria-busy='false']")).ToHaveCountAsync(1);
        await Expect(Page.Locator("#totals-chart canvas")).ToHaveCountAsync(1);
    }

    private ILocator SignedCountLink(string placeCode) => Page.Locator($"#totals-table tr[data-place='{placeCode}'] a[data-measure='signed']").First;

    /// <summary>The signed count the dashboard shows for a place (0 when it has no row yet).</summary>
    private async Task<int> SignedCountAsync(string placeCode, string year = "2025")
    {
        await DashboardLoadedAsync(year);
        return await SignedCountLink(placeCode).CountAsync() == 0 ? 0 : int.Parse(await SignedCountLink(placeCode).InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<Project> CreateProjectAsync(string name)
    {
        var response = await App.HttpClient(App.EditorKey).PostAsync("/api/projects", ApiJson.Project(name, signedOn: "2024-05"));
        return await response.ReadAsync<Project>(System.Net.HttpStatusCode.Created);
    }
}
