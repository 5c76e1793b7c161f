// Amounts and dates as staff write them, read the way the API reads them (Common/Values/AmountText.cs, ChineseNumber.cs;
// a browser test checks the two agree on every form they document):
// the project request takes a number in 亿 with a qualifier and currency, so the form parses the text here and shows the
// result before saving. Also how figures are written back for people.
import { lang, t } from './i18n.js';

const prefixes = [
  ['不低于', 'at_least'], ['不少于', 'at_least'], ['不超过', 'at_most'], ['大约', 'approx'], ['超过', 'at_least'],
  ['接近', 'at_most'], ['约', 'approx'], ['超', 'at_least'], ['逾', 'at_least'], ['近', 'at_most'],
];
const numberAndUnit = /^(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)(余|多)?\s*(亿元|亿美元|亿|万元|万美元|万|元|美元)?$/;

/** '约1亿元' → { amount: 1, qualifier: 'approx', currency: 'CNY' }; '24.5' → { amount: 24.5, qualifier: null, currency: null }; unreadable → null. */
export function parseAmount(text) {
  let rest = (text || '').trim().replace(/[,，]/g, '');
  if (!rest) return null;
  let qualifier = null;
  for (const [word, meaning] of prefixes) {
    if (rest.startsWith(word)) { qualifier = meaning; rest = rest.slice(word.length).trim(); break; }
  }
  for (const [suffix, meaning] of [['以上', 'at_least'], ['多', 'at_least'], ['左右', 'approx']]) {
    if (rest.endsWith(suffix)) { qualifier ??= meaning; rest = rest.slice(0, -suffix.length).trim(); }
  }
  const match = numberAndUnit.exec(rest);
  if (!match) return null;
  const digits = /^\d/.test(match[1]) ? match[1] : chineseNumber(match[1]);
  if (digits === null) return null;
  // "10余亿元", "20多亿元": more than the number.
  if (match[2]) qualifier ??= 'at_least';
  const unit = match[3] || '';
  const currency = unit.includes('美元') ? 'USD' : unit.endsWith('元') ? 'CNY' : null;
  // Scale by moving the decimal point in the text, so 3000万 is exactly 0.3, not 0.30000000000000004.
  const shift = unit.startsWith('万') ? 4 : (unit === '元' || unit === '美元') ? 8 : 0;
  return { amount: shiftDecimal(digits, shift), qualifier, currency };
}

/** 三十 → '30', 百 → '100', 一百二十 → '120'; 三五 (two digits in a row) → null. As Common/Values/ChineseNumber.cs. */
function chineseNumber(text) {
  const digitsOf = '零〇一二两三四五六七八九';
  let total = 0;
  let digit = null;
  for (const c of text) {
    const index = digitsOf.indexOf(c);
    if (index >= 0) {
      if (digit !== null && digit !== 0) return null;
      digit = index <= 1 ? 0 : index === 2 ? 1 : index <= 4 ? 2 : index - 2;
      continue;
    }
    const unit = { 十: 10, 百: 100, 千: 1000 }[c];
    if (!unit) return null;
    total += (digit ?? 1) * unit;
    digit = null;
  }
  if (digit !== null) total += digit;
  return total > 0 ? String(total) : null;
}

function shiftDecimal(digits, places) {
  if (places === 0) return Number(digits);
  const [whole, fraction = ''] = digits.split('.');
  const padded = whole.padStart(places + 1, '0');
  return Number(`${padded.slice(0, padded.length - places)}.${padded.slice(padded.length - places)}${fraction}`);
}

/** '一期=约1；二期=约9' → [{ name, amount, qualifier }]; a part without '=' is a phase without an amount; unreadable → null. */
export function parsePhases(text) {
  const parts = (text || '').split(/[；;]/).map((part) => part.trim()).filter(Boolean);
  const phases = [];
  for (const part of parts) {
    const [name, amountText] = part.split('=').map((piece) => piece.trim());
    if (!name) return null;
    if (amountText === undefined) { phases.push({ name, amount: null, qualifier: null }); continue; }
    const parsed = parseAmount(amountText);
    if (!parsed) return null;
    phases.push({ name, amount: parsed.amount, qualifier: parsed.qualifier });
  }
  return phases;
}

export function phasesText(phases) {
  return (phases || []).map((phase) => phase.amount == null ? phase.name : `${phase.name}=${qualifierWord(phase.qualifier)}${phase.amount}`).join('；');
}

export function qualifierWord(qualifier) {
  return { approx: '约', at_least: '超', at_most: '近' }[qualifier] || '';
}

/** An amount in 亿 as entered: 约 24.5 亿元. */
export function amountText(amount, qualifier, currency) {
  if (amount === null || amount === undefined) return '—';
  const unit = currency === 'USD' ? t('yiUsd') : t('yiCny');
  return `${qualifierWord(qualifier)}${number(amount)} ${unit}`;
}

export function number(value, digits = 4) {
  return new Intl.NumberFormat(lang() === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits }).format(value);
}

export function percent(ratio) {
  return ratio === null || ratio === undefined ? '—' : `${number(ratio * 100, 1)}%`;
}

/**
 * A summed amount, marked as the figures say: 超 when some amounts in it are lower bounds (the true sum is higher),
 * 约 when some are approximate. The title says how many of each, and how many projects have no amount.
 */
export function summedAmount(figures, currency = 'CNY') {
  const sum = currency === 'USD' ? figures.amountUsd : figures.amountCny;
  const mark = figures.atLeastCount > 0 ? '超' : figures.approxCount > 0 || figures.atMostCount > 0 ? '约' : '';
  const notes = [];
  if (figures.approxCount) notes.push(t('approxCount', figures.approxCount));
  if (figures.atLeastCount) notes.push(t('atLeastCount', figures.atLeastCount));
  if (figures.atMostCount) notes.push(t('atMostCount', figures.atMostCount));
  if (figures.withoutAmount) notes.push(t('withoutAmountCount', figures.withoutAmount));
  return { text: `${mark}${number(sum)}`, mark, note: notes.join('；') };
}

export function dateText(partial) { return partial || '—'; }

const datePattern = /^\d{4}(-\d{2}(-\d{2})?)?$/;
/** Dates as known: 2023, 2023-02, 2023-02-01 (also 2023年2月1日, 2023/2/1), written the API's way; '' stays ''. */
export function normaliseDate(text) {
  const trimmed = (text || '').trim();
  if (!trimmed || datePattern.test(trimmed)) return trimmed;
  const match = /^(\d{4})(?:[年/.\-](\d{1,2})(?:[月/.\-](\d{1,2})日?)?月?)?年?$/.exec(trimmed);
  if (!match) return trimmed;   // the API says what is wrong with it
  return [match[1], match[2]?.padStart(2, '0'), match[3]?.padStart(2, '0')].filter(Boolean).join('-');
}

/** A place, park or sector as the API names it, in the current language. */
export function nameOf(ref) {
  if (!ref) return '—';
  return lang() === 'en' && ref.nameEn ? ref.nameEn : ref.nameZh;
}
