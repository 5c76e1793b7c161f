using System.Diagnostics;
using Microsoft.Extensions.Logging;
using System.Threading.Channels;
using System.Text.Json;
using Dapper;
using ProjectTracker.Api.Common.Data;
using Npgsql;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Benchmarks.Generation;

/// <summary>What one run of the generator did.</summary>
public sealed record GenerationResult(int Projects, long HistoryRows, TimeSpan Elapsed);

/// <summary>
/// Fills the database with realistic synthetic projects for load tests: the seeded places, parks and
/// sectors with a skew (a few districts and industries hold most projects), log-normal amounts from
/// 0.1 to 500 亿 (some none), all five statuses with dates in order and the history that leads there,
/// Chinese names and investors. Deterministic for a seed. Written with binary COPY; the secondary
/// indexes and foreign keys of <c>projects</c> are dropped during the load and rebuilt after, and the
/// dashboard rollups get the sum of what the new rows contribute, all in one transaction.
/// </summary>
public sealed class DataGenerator(Database database, ReferenceCatalog catalog, TimeProvider time, ILogger<DataGenerator> logger)
{
    public async Task<GenerationResult> GenerateAsync(int count, int seed, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var reference = await catalog.CurrentAsync(cancellationToken);
        var world = new World(reference, seed, DateOnly.FromDateTime(time.GetLocalNow().DateTime));

        await using var connection = await database.BulkAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        Task Run(string sql, object? parameters = null) =>
            connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, commandTimeout: 0, cancellationToken: cancellationToken));

        await Run("SET LOCAL maintenance_work_mem = '1GB'; SET LOCAL work_mem = '256MB'");
        // Nobody else adds projects meanwhile, so the ids reserved below stay ours.
        await Run("LOCK TABLE projects IN SHARE ROW EXCLUSIVE MODE");
        var firstId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT nextval(pg_get_serial_sequence('projects', 'id'))", transaction: transaction, cancellationToken: cancellationToken));
        await Run("SELECT setval(pg_get_serial_sequence('projects', 'id'), @last)", new { last = firstId + count - 1 });

        // A million index updates and foreign-key checks (each locking a project row) cost far more than
        // rebuilding each index once and validating each key with one scan.
        var indexes = (await connection.QueryAsync<(string Name, string Definition)>(new CommandDefinition("""
            SELECT i.relname, pg_get_indexdef(i.oid)
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
            WHERE x.indrelid IN ('projects'::regclass, 'project_history'::regclass, 'project_rollup'::regclass) AND NOT x.indisprimary
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)
            """, transaction: transaction, cancellationToken: cancellationToken))).ToList();
        var foreignKeys = (await connection.QueryAsync<(string Table, string Name, string Definition)>(new CommandDefinition("""
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
            FROM pg_constraint
            WHERE contype = 'f' AND (confrelid = 'projects'::regclass OR conrelid IN ('projects'::regclass, 'project_history'::regclass))
            """, transaction: transaction, cancellationToken: cancellationToken))).ToList();
        foreach (var (table, name, _) in foreignKeys) await Run($"ALTER TABLE {table} DROP CONSTRAINT {Quote(name)}");
        foreach (var (name, _) in indexes) await Run($"DROP INDEX {Quote(name)}");
        // What the new rows add to the rollup is added up while they are made, instead of by the trigger
        // aggregating a million-row transition table.
        await Run("ALTER TABLE projects DISABLE TRIGGER projects_rollup_insert");

        // Projects are made on another thread while this one writes the COPY: the two overlap.
        var made = Channel.CreateBounded<(ProjectWrite Project, Story Story)>(new BoundedChannelOptions(8192) { SingleReader = true, SingleWriter = true });
        var rollup = new GeneratedRollup();
        var maker = Task.Run(async () =>
        {
            for (var i = 0; i < count; i++)
            {
                var (project, story) = world.NextProject();
                rollup.Add(project, story.Status, story.Signed, story.Started, story.Completed);
                await made.Writer.WriteAsync((project, story), cancellationToken);
            }
            made.Writer.Complete();
        }, cancellationToken);
        var stories = new Story[count];
        await using (var importer = await connection.BeginBinaryImportAsync($"COPY projects (id, {ProjectColumns.Names}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            var i = 0;
            await foreach (var (project, story) in made.Reader.ReadAllAsync(cancellationToken))
            {
                stories[i] = story;
                importer.StartRow();
                importer.Write(firstId + i, NpgsqlTypes.NpgsqlDbType.Bigint);
                ProjectColumns.Copy(importer, project);
                i++;
            }
            await maker;
            await importer.CompleteAsync(cancellationToken);
        }
        logger.LogInformation("Copied {Count} projects; {Elapsed}", count, clock.Elapsed);

        long history = 0;
        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY project_history (project_id, event, from_status, to_status, status_date, status_date_precision, actor) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var i = 0; i < count; i++)
            {
                foreach (var entry in stories[i].History())
                {
                    importer.StartRow();
                    importer.Write(firstId + i, NpgsqlTypes.NpgsqlDbType.Bigint);
                    importer.Write(EnumNames.Of(entry.Event), NpgsqlTypes.NpgsqlDbType.Text);
                    ProjectColumns.WriteText(importer, entry.From is { } from ? EnumNames.Of(from) : null);
                    importer.Write(EnumNames.Of(entry.To), NpgsqlTypes.NpgsqlDbType.Text);
                    if (entry.Date is { } date)
                    {
                        importer.Write(date.Start, NpgsqlTypes.NpgsqlDbType.Date);
                        importer.Write(EnumNames.Of(date.Precision), NpgsqlTypes.NpgsqlDbType.Text);
                    }
                    else
                    {
                        importer.WriteNull();
                        importer.WriteNull();
                    }
                    importer.Write("generator", NpgsqlTypes.NpgsqlDbType.Text);
                    history++;
                }
            }
            await importer.CompleteAsync(cancellationToken);
        }
        logger.LogInformation("Copied {History} history rows; {Elapsed}", history, clock.Elapsed);

        await rollup.MergeIntoRollupsAsync(connection, cancellationToken);
        await Run("""
            UPDATE data_version_shards SET version = version + 1 WHERE shard = 0;
            ALTER TABLE projects ENABLE TRIGGER projects_rollup_insert;
            """);
        logger.LogInformation("Added to the dashboard rollups; {Elapsed}", clock.Elapsed);

        foreach (var (_, definition) in indexes) await Run(definition);
        foreach (var (table, name, definition) in foreignKeys) await Run($"ALTER TABLE {table} ADD CONSTRAINT {Quote(name)} {definition}");
        logger.LogInformation("Rebuilt {Indexes} indexes and {Keys} foreign keys; {Elapsed}", indexes.Count, foreignKeys.Count, clock.Elapsed);

        await transaction.CommitAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "ANALYZE projects; ANALYZE project_history; ANALYZE project_rollup; ANALYZE project_rollup_sector_year; ANALYZE project_rollup_month; ANALYZE project_rollup_year",
            commandTimeout: 0, cancellationToken: cancellationToken));
        return new GenerationResult(count, history, clock.Elapsed);
    }

    /// <summary>What happened to a generated project, kept until its history is written.</summary>
    private readonly record struct Story(ProjectStatus Status, PartialDate? Signed, PartialDate? Started, PartialDate? Completed)
    {
        public IEnumerable<(ProjectEvent Event, ProjectStatus? From, ProjectStatus To, PartialDate? Date)> History()
        {
            yield return (ProjectEvent.Created, null, Signed is null ? ProjectStatus.Intent : ProjectStatus.Signed, Signed);
            if (Started is { } started) yield return (ProjectEvent.StatusChanged, ProjectStatus.Signed, ProjectStatus.Started, started);
            if (Completed is { } completed) yield return (ProjectEvent.StatusChanged, ProjectStatus.Started, ProjectStatus.Completed, completed);
            if (Status == ProjectStatus.Cancelled)
                yield return (ProjectEvent.StatusChanged, Started is null ? ProjectStatus.Signed : ProjectStatus.Started, ProjectStatus.Cancelled, null);
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The generator's random world: skewed choices over the reference data, and the words names are made of.</summary>
    private sealed class World
    {
        private static readonly string[] Regions = ["湖北", "武汉", "上海", "深圳", "北京", "江苏", "浙江", "广东", "香港", "成都"];
        private static readonly string[] Brands = ["楚天", "长江", "华中", "光谷", "东湖", "汉江", "荆楚", "江城", "鼎盛", "恒信", "新宇", "华创", "天亿", "九州", "远大", "中科", "金桥", "盛开", "博源", "瑞丰"];
        private static readonly string[] Trades = ["科技", "新能源", "生物医药", "智能制造", "数字", "投资", "建设", "环保", "物流", "电子"];
        private static readonly string[] CompanyForms = ["有限公司", "股份有限公司", "集团有限公司"];
        private static readonly string[] Kinds = ["项目", "产业园", "生产基地", "研发中心", "总部", "科创园", "智造基地", "综合体", "示范区", "产业化项目"];
        private static readonly string[] Phases = ["(一期)", "(二期)", "(三期)"];
        private static readonly Dictionary<string, string[]> Words = new()
        {
            ["nev_icv"] = ["新能源汽车", "智能网联", "自动驾驶", "整车"], ["auto_parts"] = ["汽车零部件", "智能座舱", "车灯"],
            ["batteries_materials"] = ["动力电池", "储能电池", "锂电材料", "氢能"], ["biomedicine"] = ["生物医药", "医疗器械", "创新药"],
            ["optoelectronics"] = ["光电子", "光通信", "激光"], ["chips"] = ["集成电路", "芯片封测", "车规芯片"],
            ["displays"] = ["新型显示", "柔性屏"], ["smart_terminals"] = ["智能终端", "可穿戴设备"], ["equipment"] = ["智能装备", "工业机器人"],
            ["headquarters"] = ["区域总部", "结算中心"], ["finance"] = ["金融中心", "产业基金"], ["commerce"] = ["商业综合体", "商贸中心"],
            ["health_services"] = ["大健康", "康养", "医学影像"], ["digital_economy"] = ["软件", "数字经济"], ["cloud_computing"] = ["云计算", "数据中心"],
            ["artificial_intelligence"] = ["人工智能", "算力"], ["transport"] = ["快速路", "大桥", "轨道交通"], ["water_conservancy"] = ["水库", "泵站"],
            ["ecology"] = ["生态廊道", "碧道"], ["energy"] = ["抽水蓄能", "光伏"], ["social"] = ["学校", "医院"],
        };

        private readonly Random random;
        private readonly DateOnly today;
        private readonly (Place Place, string Short)[] places;
        private readonly double[] placeWeights;
        private readonly Sector[] sectors;
        private readonly double[] sectorWeights;
        private readonly ILookup<string, Park> parksByPlace;
        private readonly ReferenceSnapshot reference;

        public World(ReferenceSnapshot reference, int seed, DateOnly today)
        {
            this.reference = reference;
            random = new Random(seed);
            this.today = today;
            // A stable order, then a seeded shuffle: which districts are busiest depends on the seed only.
            places = Shuffle(reference.PlaceAndDescendants("420000").Where(code => code != "420000").Order(StringComparer.Ordinal)
                .Select(code => reference.FindPlace(code)!).Select(place => (place, place.ShortZh)).ToArray());
            placeWeights = Zipf(places.Length, 1.1);
            sectors = Shuffle(reference.Sectors.Values.Where(sector => sector.CategoryCode is not null).OrderBy(sector => sector.Code, StringComparer.Ordinal).ToArray());
            sectorWeights = Zipf(sectors.Length, 1.0);
            parksByPlace = reference.Parks.Values.ToLookup(park => park.PlaceCode);
        }

        public (ProjectWrite Project, Story Story) NextProject()
        {
            var (place, shortName) = places[Pick(placeWeights)];
            var sector = sectors[Pick(sectorWeights)];
            var parks = parksByPlace[place.Code].ToArray();
            var park = parks.Length > 0 && random.NextDouble() < 0.4 ? parks[random.Next(parks.Length)] : null;
            var words = Words.GetValueOrDefault(sector.Code) ?? [sector.NameZh];
            var nameZh = shortName + words[random.Next(words.Length)] + Kinds[random.Next(Kinds.Length)] + (random.NextDouble() < 0.15 ? Phases[random.Next(Phases.Length)] : "");
            var investors = Enumerable.Range(0, random.NextDouble() < 0.7 ? random.Next(1, 3) : 0)
                .Select(_ => Regions[random.Next(Regions.Length)] + Brands[random.Next(Brands.Length)] + Trades[random.Next(Trades.Length)] + CompanyForms[random.Next(CompanyForms.Length)])
                .Distinct().ToArray();

            var status = Pick([0.10, 0.35, 0.30, 0.20, 0.05]) switch
            {
                0 => ProjectStatus.Intent, 1 => ProjectStatus.Signed, 2 => ProjectStatus.Started, 3 => ProjectStatus.Completed, _ => ProjectStatus.Cancelled,
            };
            var (signed, started, completed) = Dates(status);
            var amount = random.NextDouble() < 0.1 ? (decimal?)null : Amount();
            var qualifier = amount is null ? (AmountQualifier?)null : Pick([0.80, 0.10, 0.08, 0.02]) switch
            {
                0 => AmountQualifier.Exact, 1 => AmountQualifier.Approx, 2 => AmountQualifier.AtLeast, _ => AmountQualifier.AtMost,
            };
            var (tokens, text) = ProjectSearch.ForProject(nameZh, null);
            var project = new ProjectWrite
            {
                NameZh = nameZh,
                NormalizedName = Text.Fold(nameZh),
                Kind = EnumNames.Of(sector.CategoryCode == "infrastructure" ? ProjectKind.PublicWorks : ProjectKind.Investment),
                Investors = investors,
                PlaceCode = place.Code,
                ParkCode = park?.Code,
                SectorCode = sector.Code,
                Status = EnumNames.Of(status),
                Amount = amount,
                AmountQualifier = qualifier is { } q ? EnumNames.Of(q) : null,
                Currency = EnumNames.Of(random.NextDouble() < 0.03 ? Currency.Usd : Currency.Cny),
                Phases = "[]",
                EffectiveAmount = amount,
                EffectiveQualifier = qualifier is { } e ? EnumNames.Of(e) : null,
                SignedOn = signed?.Start, SignedOnPrecision = Precision(signed),
                StartedOn = started?.Start, StartedOnPrecision = Precision(started),
                CompletedOn = completed?.Start, CompletedOnPrecision = Precision(completed),
                SearchTokens = tokens,
                SearchText = text,
            };
            return (project, new Story(status, signed, started, completed));
        }

        /// <summary>Signed in 2015 onwards (more recently more often), started months later, completed years later — never in the future.</summary>
        private (PartialDate? Signed, PartialDate? Started, PartialDate? Completed) Dates(ProjectStatus status)
        {
            if (status == ProjectStatus.Intent) return (null, null, null);
            var stages = status switch { ProjectStatus.Signed => 1, ProjectStatus.Started => 2, ProjectStatus.Completed => 3, _ => random.Next(1, 3) };
            var origin = new DateOnly(2015, 1, 1);
            var signed = origin.AddDays((int)((today.DayNumber - origin.DayNumber) * Math.Sqrt(random.NextDouble())));
            var started = signed.AddDays(random.Next(30, 540));
            var completed = started.AddDays(random.Next(180, 1460));
            var last = stages switch { 1 => signed, 2 => started, _ => completed };
            if (last > today)
            {
                // The stage has to have happened: move the whole story back.
                var shift = last.DayNumber - today.DayNumber + random.Next(1, 60);
                (signed, started, completed) = (signed.AddDays(-shift), started.AddDays(-shift), completed.AddDays(-shift));
            }
            return (Partial(signed), stages >= 2 ? Partial(started) : null, stages >= 3 ? Partial(completed) : null);
        }

        private PartialDate Partial(DateOnly day) => random.NextDouble() switch
        {
            < 0.85 => new PartialDate(day, DatePrecision.Day),
            < 0.95 => new PartialDate(day, DatePrecision.Month),
            _ => new PartialDate(day, DatePrecision.Year),
        };

        /// <summary>Log-normal around a few 亿, clipped to 0.1–500 亿, with 2 decimals.</summary>
        private decimal Amount()
        {
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var value = Math.Clamp(Math.Exp(Math.Log(3) + 1.3 * normal), 0.1, 500);
            return Math.Round((decimal)value, 2);
        }

        private int Pick(double[] weights)
        {
            var target = random.NextDouble() * weights.Sum();
            for (var i = 0; i < weights.Length; i++)
            {
                target -= weights[i];
                if (target <= 0) return i;
            }
            return weights.Length - 1;
        }

        private T[] Shuffle<T>(T[] items)
        {
            random.Shuffle(items);
            return items;
        }

        private static double[] Zipf(int count, double exponent) => Enumerable.Range(1, count).Select(rank => 1 / Math.Pow(rank, exponent)).ToArray();

        private static string? Precision(PartialDate? date) => date is { } d ? EnumNames.Of(d.Precision) : null;
    }
}
