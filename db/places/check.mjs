// Sanity checks on divisions.csv. Usage: node check.mjs   (exit code 1 if a hard check fails)
import { readFileSync } from 'node:fs';

const [header, ...lines] = readFileSync(new URL('./divisions.csv', import.meta.url), 'utf8').trim().split('\n');
const cols = header.split(',');
const rows = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
const by = new Map(rows.map((r) => [r.code, r]));
let failed = 0;
const ok = (cond, msg) => { console.log(`${cond ? 'ok  ' : 'FAIL'} ${msg}`); if (!cond) failed++; };

console.log('rows:', rows.length);
const count = (f) => rows.reduce((m, r) => m.set(f(r), (m.get(f(r)) || 0) + 1), new Map());
console.log('by kind:', Object.fromEntries(count((r) => r.kind)));
console.log('county-level by suffix:', Object.fromEntries(count((r) =>
  r.kind === 'province' || r.kind === 'city' ? r.kind : r.name_zh.match(/(自治县|自治旗|特区|林区|区|县|市|旗)$/)[1])));

ok(rows.every((r) => /^\d{6}$/.test(r.code)), 'every code has 6 digits');
ok(by.size === rows.length, 'codes are unique');
ok(rows.every((r) => r.parent_code === '' ? r.kind === 'province' : by.has(r.parent_code)), 'every parent_code exists (empty only for provinces)');
ok(rows.every((r) => r.short_zh && ([...r.short_zh].length >= 2 || r.short_zh === r.name_zh)), 'no empty/one-character short name unless it is the full name');

const expect = (code, name, short, kind, parent) => {
  const r = by.get(code);
  ok(r && r.name_zh === name && (!short || r.short_zh === short) && (!kind || r.kind === kind) && (parent === undefined || r.parent_code === parent),
    `${code} ${name}${short ? ' / ' + short : ''}${kind ? ' ' + kind : ''}${parent !== undefined ? ' parent=' + parent : ''}  -> ${r ? Object.values(r).join(',') : 'missing'}`);
};
expect('420000', '湖北省', '湖北', 'province', '');
expect('420100', '武汉市', '武汉', 'city', '420000');
const wuhan = ['江岸区', '江汉区', '硚口区', '汉阳区', '武昌区', '青山区', '洪山区', '东西湖区', '汉南区', '蔡甸区', '江夏区', '黄陂区', '新洲区'];
const kids = rows.filter((r) => r.parent_code === '420100');
ok(kids.length === 13 && kids.every((r, i) => r.name_zh === wuhan[i] && r.code >= '420102' && r.code <= '420117' && r.kind === 'district'),
  `Wuhan has 13 districts 420102..420117: ${kids.map((r) => r.code + r.name_zh).join(' ')}`);
expect('420115', '江夏区', '江夏', 'district', '420100');
expect('421200', '咸宁市', '咸宁', 'city', '420000');
expect('421281', '赤壁市', '赤壁', 'county', '421200');
expect('420800', '荆门市', '荆门', 'city', '420000');
expect('420804', '掇刀区', '掇刀', 'district', '420800');
expect('429004', '仙桃市', '仙桃', 'county', '420000');
expect('429021', '神农架林区', '神农架', 'county', '420000');
expect('110105', '朝阳区', '朝阳', 'district', '110000');
expect('500229', '城口县', '城口', 'county', '500000');
for (const [c, n] of [['441900', '东莞市'], ['442000', '中山市'], ['460400', '儋州市'], ['620200', '嘉峪关市']]) {
  expect(c, n, undefined, 'city', c.slice(0, 2) + '0000');
  ok(!rows.some((r) => r.parent_code === c), `${n} (不设区的地级市) has no county-level children`);
}
for (const [c, n, s] of [['150000', '内蒙古自治区', '内蒙古'], ['450000', '广西壮族自治区', '广西'], ['650000', '新疆维吾尔自治区', '新疆'],
  ['422800', '恩施土家族苗族自治州', '恩施'], ['420528', '长阳土家族自治县', '长阳'], ['710000', '台湾省', '台湾'],
  ['810000', '香港特别行政区', '香港'], ['820000', '澳门特别行政区', '澳门']]) expect(c, n, s);
ok(!['110100', '429000', '500200', '460321'].some((c) => by.has(c)), 'intermediate/group codes (110100, 429000, 500200, 460321) are skipped');

// Same name_zh under different parents.
const groups = [...count((r) => r.name_zh)].filter(([, n]) => n > 1).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh'));
console.log(`\nambiguous name_zh: ${groups.length} names shared by ${groups.reduce((s, [, n]) => s + n, 0)} rows`);
for (const [name, n] of groups) {
  const where = rows.filter((r) => r.name_zh === name).map((r) => `${r.code}(${by.get(r.parent_code)?.short_zh ?? '-'})`);
  console.log(`  ${n}  ${name}: ${where.join(' ')}`);
}
const shortGroups = [...count((r) => r.short_zh)].filter(([, n]) => n > 1);
console.log(`ambiguous short_zh: ${shortGroups.length} short names shared by ${shortGroups.reduce((s, [, n]) => s + n, 0)} rows`);
console.log('short_zh kept as the full name:', rows.filter((r) => r.short_zh === r.name_zh).map((r) => r.name_zh).join(' '));
process.exit(failed ? 1 : 0);
