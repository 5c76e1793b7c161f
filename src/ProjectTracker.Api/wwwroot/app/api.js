// The one module that talks to the API: the key (this browser session only), Idempotency-Key, If-Match,
// If-None-Match with remembered ETags, and problem details turned into an ApiError with field errors.
const keyItem = 'pt.apiKey';
const whoItem = 'pt.currentKey';

export const session = {
  get key() { return sessionStorage.getItem(keyItem); },
  get who() { const text = sessionStorage.getItem(whoItem); return text ? JSON.parse(text) : null; },
  signIn(key, who) { sessionStorage.setItem(keyItem, key); sessionStorage.setItem(whoItem, JSON.stringify(who)); },
  signOut() { sessionStorage.removeItem(keyItem); sessionStorage.removeItem(whoItem); },
  /** viewer < editor < admin; anonymous reading counts as below viewer. */
  can(role) {
    const order = ['viewer', 'editor', 'admin'];
    const who = this.who;
    return who !== null && order.indexOf(who.role) >= order.indexOf(role);
  },
};

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    /** { "projects[2].amount": ["…"] } as the API keys them. */
    this.fieldErrors = problem?.errors || {};
  }
}

/** Builds a query string; arrays repeat the name, empty values are left out. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params || {})) {
    for (const one of Array.isArray(value) ? value : [value]) {
      if (one !== undefined && one !== null && one !== '') search.append(name, String(one));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function newIdempotencyKey() { return crypto.randomUUID(); }

const remembered = new Map();   // url → { etag, data } for If-None-Match

/**
 * Calls the API. Returns { status, data, etag, headers, changed }. With revalidate, a GET sends the ETag it last saw
 * and a 304 returns the remembered data with changed = false.
 */
export async function call(path, { method = 'GET', params, body, form, ifMatch, idempotencyKey, key, revalidate, accept } = {}) {
  const url = path + query(params);
  const headers = { Accept: accept || 'application/json' };
  const useKey = key === undefined ? session.key : key;
  if (useKey) headers['X-Api-Key'] = useKey;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (ifMatch) headers['If-Match'] = ifMatch;
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  const cached = revalidate ? remembered.get(url) : undefined;
  if (cached) headers['If-None-Match'] = cached.etag;
  const response = await fetch(url, { method, headers, body: form ?? (body === undefined ? undefined : JSON.stringify(body)) });
  if (response.status === 304 && cached) {
    return { status: 304, data: cached.data, etag: cached.etag, headers: response.headers, changed: false };
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : (accept && !accept.includes('json') ? await response.blob() : await response.text());
  if (!response.ok) throw new ApiError(response.status, typeof data === 'object' ? data : { detail: data });
  const etag = response.headers.get('ETag');
  if (revalidate && etag) remembered.set(url, { etag, data });
  return { status: response.status, data, etag, headers: response.headers, changed: true };
}

export const get = async (path, params, options) => (await call(path, { ...options, params })).data;

/** Downloads what a GET answers (an export) as a file, with the key in a header, which a plain link cannot send. */
export async function download(path, params, fallbackName) {
  const { data, headers } = await call(path, { params, accept: '*/*' });
  const disposition = headers.get('Content-Disposition') || '';
  const name = decodeURIComponent((/filename\*=UTF-8''([^;]+)/.exec(disposition) || /filename="?([^";]+)/.exec(disposition) || [])[1] || fallbackName);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(data instanceof Blob ? data : new Blob([data]));
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}
