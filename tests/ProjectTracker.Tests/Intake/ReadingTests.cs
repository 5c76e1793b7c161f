using ProjectTracker.Api.Intake.Reading;
using ProjectTracker.Api.Projects;

namespace ProjectTracker.Tests.Intake;

public sealed class AmountReaderTests
{
    [Theory]
    [InlineData("此次集中开工投资额最大的是智能医疗基地建设项目(一期),总投资24.5亿元。", "24.5", AmountQualifier.Exact, AmountRole.Investment)]
    [InlineData("一期计划投资约1亿元,拟设立浩川水利总部", "1", AmountQualifier.Approx, AmountRole.Investment)]
    [InlineData("中国电建集团华中投资有限公司注册资本50亿元", "50", AmountQualifier.Exact, AmountRole.RegisteredCapital)]
    [InlineData("引进一批投资10亿元以上项目", "10", AmountQualifier.AtLeast, AmountRole.PerProjectThreshold)]
    [InlineData("力争全年签约额达到500亿元", "500", AmountQualifier.Exact, AmountRole.Target)]
    [InlineData("招商引资实际到位资金120亿元", "120", AmountQualifier.Exact, AmountRole.ActualFunds)]
    [InlineData("合计授信金额超过2800亿元", "2800", AmountQualifier.AtLeast, AmountRole.Finance)]
    [InlineData("全年FDI完成5.6亿美元", "5.6", AmountQualifier.Exact, AmountRole.ActualFunds)]
    [InlineData("项目总投资10-20亿元", "10", AmountQualifier.AtLeast, AmountRole.Investment)]
    [InlineData("占地面积达53.3万平方米,总投资三十亿元", "30", AmountQualifier.Exact, AmountRole.Investment)]
    public void TellsWhatKindOfFigureAnAmountIs(string text, string amount, AmountQualifier qualifier, AmountRole role)
    {
        var mention = Assert.Single(AmountReader.Read(text));
        Assert.Equal((decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), qualifier, role), (mention.Amount, mention.Qualifier, mention.Role));
    }

    [Fact]
    public void ARangeKeepsItsUpperEnd() => Assert.Equal(20m, Assert.Single(AmountReader.Read("总投资10至20亿元")).UpTo);

    [Fact]
    public void DollarsAreDollars() => Assert.Equal(Currency.Usd, Assert.Single(AmountReader.Read("总投资5.6亿美元")).Currency);
}

public sealed class DateReaderTests
{
    private static readonly DateOnly Published = new(2023, 2, 11);

    [Theory]
    [InlineData("2023年1月31日,江夏区", "2023-01-31", false)]
    [InlineData("1月31日,新春首会的次日", "2023-01-31", true)]
    [InlineData("2月,签约", "2023-02", true)]
    [InlineData("2017年完成", "2017", false)]
    [InlineData("去年,全区签约", "2022", true)]
    [InlineData("12月28日在武汉市", "2022-12-28", true)]
    public void ReadsADateAsPreciseAsTheTextAndSaysWhereTheYearCameFrom(string text, string date, bool yearFromPublication)
    {
        var mention = DateReader.Read(text, Published)[0];
        Assert.Equal((date, yearFromPublication), (mention.Date.ToString(), mention.YearFromPublication));
    }

    [Theory]
    [InlineData("为期6天的考察活动")]
    [InlineData("12个月内")]
    [InlineData("参会人数1500余人")]
    public void FindsNoDateWhereThereIsNone(string text) => Assert.Empty(DateReader.Read(text, Published));

    [Fact]
    public void WithoutAPublicationDateMonthAndDayHaveNoYear() => Assert.Empty(DateReader.Read("1月31日开工", publishedOn: null));
}

public sealed class ListSplitterTests
{
    [Fact]
    public void SplitsAListAtItsCommasAndItsLastConjunction()
    {
        const string Text = "长江二桥段节点、集家嘴、青山湿地二期、江汉碧道及长江碧道慢行系统改造";
        Assert.Equal(["长江二桥段节点", "集家嘴", "青山湿地二期", "江汉碧道", "长江碧道慢行系统改造"], ListSplitter.Split(Text, 0, Text.Length).Select(item => item.Name));
    }

    [Theory]
    [InlineData("医疗及医学康复中心项目")]
    [InlineData("T3出行华中区域总部及新能源智慧出行生态产业园项目")]
    [InlineData("智能医疗基地建设项目(一期、二期)")]
    public void LeavesOneProjectWhole(string text) => Assert.Equal([text], ListSplitter.Split(text, 0, text.Length).Select(item => item.Name));

    [Fact]
    public void ReadsTheListAfterRespectively()
    {
        const string Text = "签约项目分别为:光谷科创中心、车谷零部件产业园三期、智能网联测试基地项目。";
        Assert.Equal(["光谷科创中心", "车谷零部件产业园三期", "智能网联测试基地项目"], ProjectNameReader.Read(Text, 0, Text.Length).Select(item => item.Name));
    }
}

public sealed class ProjectNameReaderTests
{
    [Theory]
    [InlineData("此次集中开工投资额最大的是智能医疗基地建设项目(一期),总投资24.5亿元。", "智能医疗基地建设项目(一期)")]
    [InlineData("湖北浩川水利水电工程有限公司将投资建设浩川水利总部项目,项目分两期建设。", "浩川水利总部项目")]
    [InlineData("1.国药控股医药健康产业项目将建立覆盖华中地区的医药供应链枢纽;", "国药控股医药健康产业项目")]
    [InlineData("光谷材料研究院与车企合作项目,聚焦电池回收。", "光谷材料研究院与车企合作项目")]
    public void FindsTheNameAfterTheWordsThatIntroduceIt(string text, string name) =>
        Assert.Equal([name], ProjectNameReader.Read(text, 0, text.Length).Select(item => item.Name));

    [Theory]
    [InlineData("江夏区21个重大项目参加集中开工活动。")]
    [InlineData("精准引进一批补链、强链、延链项目。")]
    [InlineData("着力招引一批带动能力强的项目。")]
    [InlineData("该项目位于江夏经济开发区。")]
    [InlineData("优化服务,引进一批数字经济产业项目。")]
    [InlineData("吸引落户云芯科技等数字经济产业项目6个。")]
    [InlineData("加快推动政府与社会资本合作项目落地。")]
    [InlineData("全年新开工亿元以上产业项目30个。")]
    [InlineData("签约后,该公司将在武汉设立研发中心。")]
    public void AKindOfProjectIsNoName(string text) => Assert.Empty(ProjectNameReader.Read(text, 0, text.Length));
}

public sealed class StatusReaderTests
{
    [Theory]
    [InlineData("拟签约项目12个", ProjectStatus.Intent)]
    [InlineData("达成近6亿元意向合作", ProjectStatus.Intent)]
    [InlineData("双方就数据中心落地充分交换意见", ProjectStatus.Intent)]
    [InlineData("确保光谷数据中心年内建成投产", ProjectStatus.Intent)]
    [InlineData("签订合作协议", ProjectStatus.Signed)]
    [InlineData("参加集中开工活动", ProjectStatus.Started)]
    [InlineData("2021年已完成", ProjectStatus.Completed)]
    public void ReadsTheStageFromItsWords(string text, ProjectStatus status) => Assert.Equal(status, StatusReader.Read(text, 0, text.Length)?.Status);

    [Theory]
    [InlineData("建成后将成为区域总部")]
    [InlineData("项目将开工")]
    public void WhatWillHappenHasNot(string text) => Assert.Null(StatusReader.Read(text, 0, text.Length));
}

public sealed class PlaceResolverTests
{
    private static readonly PlaceResolver Places = new(RepositoryReference.Snapshot);

    [Theory]
    [InlineData("江夏区政府与湖北浩川签订协议", "420115")]
    [InlineData("该项目位于江夏经济开发区庙山产业园区", "420115Z01")]
    [InlineData("武汉经开区召开招商引资工作会", "420100Z01")]
    [InlineData("长江新区召开项目推进会", "420100Z03")]
    public void FindsPlacesByTheirFullNames(string text, string code) =>
        Assert.Contains(code, Places.Find(text, 0, text.Length, city: null).Select(mention => mention.Place?.Code));

    [Fact]
    public void FindsAParkByItsName() =>
        Assert.Contains("miaoshan", Places.Find("位于庙山产业园区", 0, 8, city: null).Select(mention => mention.Park?.Code));

    [Fact]
    public void AShortNameIsADistrictOnlyWithinTheTextsCity()
    {
        var wuhan = RepositoryReference.Snapshot.FindPlace("420100");
        Assert.Equal("420106", Places.Find("武昌八铺街江滩", 0, 7, wuhan).Single().Place!.Code);
        Assert.DoesNotContain(Places.Find("武昌八铺街江滩", 0, 7, city: null), mention => mention.Place?.Code == "420106");
    }

    [Theory]
    [InlineData("汉江汉阳段堤防加固")]
    [InlineData("长江汉阳段岸线整治")]
    public void ARiversNameIsReadBeforeTheDistrictItRunsInto(string text)
    {
        var wuhan = RepositoryReference.Snapshot.FindPlace("420100");
        Assert.Equal(["420105"], Places.Find(text, 0, text.Length, wuhan).Select(mention => mention.Place?.Code));
    }

    [Fact]
    public void APlaceOpeningACompanysNameIsNotWhereThingsHappen()
    {
        const string Text = "江夏区与杭州云行科技股份有限公司签约";
        Assert.Equal(["420115"], Places.Find(Text, 0, Text.Length, city: null).Select(mention => mention.Place?.Code));
    }

    [Fact]
    public void JiangHanAloneIsTheRiversAndOnlyJiangHanQuTheDistrict()
    {
        var wuhan = RepositoryReference.Snapshot.FindPlace("420100");
        Assert.Empty(Places.Find("江汉碧道慢行系统改造", 0, 10, wuhan));
        Assert.Equal(["420103"], Places.Find("江汉区滨江绿道", 0, 7, wuhan).Select(mention => mention.Place?.Code));
    }
}

public sealed class BatchReaderTests
{
    [Fact]
    public void ReadsAGroundbreakingsCountAndTotal()
    {
        const string Text = "1月31日,江夏区21个重大项目参加2023年一季度全市重大项目集中开工活动,总投资217.24亿元。";
        var batch = BatchReader.Read(Text, 0, Text.Length)!;
        Assert.Equal((Api.Batches.BatchKind.Groundbreaking, 21, 217.24m), (batch.Kind, batch.ProjectCount, batch.Amount!.Amount));
    }

    [Fact]
    public void APlannedSigningIsABatchSaidToBePlanned()
    {
        const string Text = "拟签约项目12个,投资总金额超200亿元,日均签约金额超过2亿元。";
        var batch = BatchReader.Read(Text, 0, Text.Length)!;
        Assert.Equal((true, 12, 200m, AmountQualifier.AtLeast), (batch.Planned, batch.ProjectCount, batch.Amount!.Amount, batch.Amount.Qualifier));
    }

    [Fact]
    public void ACountThatIsATargetIsNoBatch()
    {
        const string Text = "计划引进超过20个数字经济领域重大项目,签约额力争突破100亿元。";
        Assert.Null(BatchReader.Read(Text, 0, Text.Length));
    }

    [Fact]
    public void ReadsTheBreakdownByCategory()
    {
        const string Text = "开工项目中,先进制造业项目有10个,总投资132.35亿元;其他项目有4个,总投资19.46亿元。";
        var lines = BatchReader.Breakdown(Text, 0, Text.Length, name => RepositoryReference.Snapshot.FindSectorByAnyName(name)?.Code);
        Assert.Equal([("先进制造业", "manufacturing", 10, 132.35m), ("其他", "other", 4, 19.46m)],
            lines.Select(line => (line.Category, line.Sector, line.ProjectCount ?? 0, line.Amount ?? 0)));
    }
}

public sealed class IntakeExtractorTests
{
    private static readonly IntakeExtractor Extractor = new(RepositoryReference.Snapshot);

    [Fact]
    public void AProjectNamedTwiceIsOneDraftWithThePhasesOfBoth()
    {
        const string Text = "2月1日,江夏区政府与湖北浩川水利水电工程有限公司签订合作协议,推进浩川水利总部项目落地。\n根据合作协议,湖北浩川水利水电工程有限公司将投资建设浩川水利总部项目,项目分两期建设,一期计划投资约1亿元;二期预计新增投资约9亿元。";
        var draft = Assert.Single(Extractor.Extract(Text, new DateOnly(2023, 2, 11)).Drafts);
        Assert.Equal(("浩川水利总部项目", ProjectStatus.Signed, "2023-02-01", "420115"), (draft.Project.NameZh, draft.Project.Status!.Value, draft.Project.SignedOn.ToString(), draft.Project.District));
        Assert.Null(draft.Project.Amount);
        Assert.Equal([("一期", 1m), ("二期", 9m)], draft.Project.Phases!.Select(phase => (phase.Name!, phase.Amount ?? 0)));
        Assert.Contains(draft.Uncertainties, what => what.Contains("年份取自发布日期", StringComparison.Ordinal));
        Assert.Equal(Text[draft.Quote.Start..draft.Quote.End], draft.Quote.Text);
    }

    [Fact]
    public void RegisteredCapitalIsNeverAnAmount()
    {
        const string Text = "汉阳区拟签约中国电建集团华中区域总部项目,中国电建集团华中投资有限公司注册资本50亿元。";
        var draft = Assert.Single(Extractor.Extract(Text, new DateOnly(2022, 4, 1)).Drafts);
        Assert.Null(draft.Project.Amount);
        Assert.Contains(draft.Uncertainties, what => what.Contains("注册资本", StringComparison.Ordinal));
    }

    [Fact]
    public void AStartWithoutADateIsAStartWithItsDateUnknownAndSaysSo()
    {
        const string Text = "武汉市汉阳区,琴台中心项目正有序施工。";
        var draft = Assert.Single(Extractor.Extract(Text, new DateOnly(2025, 7, 1)).Drafts);
        Assert.Equal(ProjectStatus.Started, draft.Project.Status);
        Assert.Null(draft.Project.StartedOn);
        Assert.Contains(draft.Uncertainties, what => what.Contains("未注明日期", StringComparison.Ordinal));
    }

    [Fact]
    public void AProjectNamedInABatchSentenceIsItsDraftWithoutTheBatchsTotal()
    {
        const string Text = "3月8日,华星光电模组等12个项目集中开工,总投资80亿元。";
        var extraction = Extractor.Extract(Text, new DateOnly(2024, 3, 10));
        var batch = Assert.Single(extraction.Batches);
        var draft = Assert.Single(extraction.Drafts);
        Assert.Equal(("华星光电模组", ProjectStatus.Started, "2024-03-08"), (draft.Project.NameZh, draft.Project.Status!.Value, draft.Project.StartedOn.ToString()));
        Assert.Null(draft.Project.Amount);
        Assert.Equal(80m, batch.ReportedAmount);
        Assert.Equal([draft.Key], batch.DraftKeys);
    }

    [Fact]
    public void ASentenceNamingSeveralCountiesPlacesItsProjectInNoneOfThem()
    {
        const string Text = "咸宁市部署今年的工作。支持崇阳县、通山县、通城县开发区扩区,开工建设幕阜山大道项目。";
        var draft = Assert.Single(Extractor.Extract(Text, new DateOnly(2022, 3, 1)).Drafts);
        Assert.Equal(("幕阜山大道项目", "421200"), (draft.Project.NameZh, draft.Project.District));
    }

    [Fact]
    public void AWorkReportsReviewDatesItsYearAndItsPlansAreIntents()
    {
        const string Text = "一、2023年工作回顾一年来,我们狠抓项目建设,江南电池材料项目建成投产。二、2024年工作安排开工建设江城数据中心项目,新开工亿元以上产业项目30个。";
        var extraction = Extractor.Extract(Text, new DateOnly(2024, 1, 10));
        Assert.Equal([("江南电池材料项目", ProjectStatus.Completed, "2023"), ("江城数据中心项目", ProjectStatus.Intent, "")],
            extraction.Drafts.Select(draft => (draft.Project.NameZh!, draft.Project.Status!.Value, draft.Project.CompletedOn?.ToString() ?? "")));
        Assert.Empty(extraction.Batches);
    }

    [Fact]
    public void AProjectInTheGroundbreakingBelongsToItsBatch()
    {
        const string Text = "1月31日,江夏区21个重大项目参加集中开工活动,总投资217.24亿元。\n此次集中开工投资额最大的是智能医疗基地建设项目(一期),总投资24.5亿元。";
        var extraction = Extractor.Extract(Text, new DateOnly(2023, 2, 11));
        var draft = Assert.Single(extraction.Drafts);
        Assert.Equal(("2023-01-31", 24.5m), (draft.Project.StartedOn.ToString(), draft.Project.Amount!.Value));
        Assert.Equal([draft.Key], Assert.Single(extraction.Batches).DraftKeys);
    }
}

public sealed class FacilityNameTests
{
    [Theory]
    [InlineData("亿纬锂能第十三工厂投产与新宙邦电解液产品交付。", "亿纬锂能第十三工厂")]
    [InlineData("汉阳中欧科技金融交流合作中心正式成立。", "汉阳中欧科技金融交流合作中心")]
    public void AFacilityThatSomethingHappenedToIsAProject(string text, string name) =>
        Assert.Equal([name], ProjectNameReader.Read(text, 0, text.Length, facilities: true).Select(item => item.Name));

    [Theory]
    [InlineData("如光电子产业园和云服务平台的集成开发。")]
    [InlineData("已确定在汉阳设立研发中心。")]
    public void AFacilityWordAloneOrTwoThingsJoinedAreNone(string text) => Assert.Empty(ProjectNameReader.Read(text, 0, text.Length, facilities: true));

    [Fact]
    public void WithoutAnEventFacilitiesAreNotRead() => Assert.Empty(ProjectNameReader.Read("亿纬锂能第十三工厂。", 0, 10));

    [Theory]
    [InlineData("双方就落地华为云智能制造创新中心深入交流。", "华为云智能制造创新中心")]
    [InlineData(" 2.华中医疗器械交易平台依托港口优势,服务全省企业;", "华中医疗器械交易平台")]
    public void AFacilityThatLandsOrIsANumberedItemIsAProjectWithoutAnEvent(string text, string name) =>
        Assert.Equal([name], ProjectNameReader.Read(text, 0, text.Length).Select(item => item.Name));

    [Theory]
    [InlineData("智行科技已确定在江夏设立研发中心,成为首批落地成果之一。", "智行科技研发中心")]
    [InlineData("江城储能将在东湖高新区建设华中总部。", "江城储能华中总部")]
    public void AFacilitySetUpIsNamedByWhomItIsFor(string text, string name) =>
        Assert.Equal([name], ProjectNameReader.Read(text, 0, text.Length).Select(item => item.Name));

    [Fact]
    public void APlacesNameSaysWhichFacilityItIs()
    {
        var places = new PlaceResolver(RepositoryReference.Snapshot);
        const string Text = "同时,襄阳超算中心启动建设,智能工厂投产。";
        Assert.Equal(["襄阳超算中心"], ProjectNameReader.Read(Text, 0, Text.Length, facilities: true, places.IsPlaceName).Select(item => item.Name));
    }

    [Fact]
    public void ACountInAPlanIsNoBatch()
    {
        const string Text = "汉阳区计划以此为支点,三年内引进50个国际技术转移项目。";
        Assert.Null(BatchReader.Read(Text, 0, Text.Length));
    }

    [Fact]
    public void ACountWhoseClauseStatesNoEventIsNoBatch()
    {
        const string Text = "武汉加快推进15个重点示范项目建设,形成“完工一批、在建一批”的格局。";
        Assert.Null(BatchReader.Read(Text, 0, Text.Length));
    }
}
