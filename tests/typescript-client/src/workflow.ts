// The staff workflow through openapi-typescript + openapi-fetch, generated from the API's own document
// (src/generated/api.d.ts, made by the contract test) and compiled with tsc --strict.
// Run: node dist/workflow.js <baseUrl> <editorKey> <viewerKey>. Exits non-zero on the first broken expectation.
import createClient from "openapi-fetch";
import type { paths, components } from "./generated/api.js";

const [baseUrl, editorKey, viewerKey] = process.argv.slice(2);
if (!baseUrl || !editorKey || !viewerKey) throw new Error("usage: workflow.js <baseUrl> <editorKey> <viewerKey>");

function expect(condition: boolean, what: string): asserts condition {
  if (!condition) throw new Error(`expected ${what}`);
}

// guide:ts-setup
const staff = createClient<paths>({ baseUrl, headers: { "X-Api-Key": editorKey } });
// end
const viewer = createClient<paths>({ baseUrl, headers: { "X-Api-Key": viewerKey } });

// A signing, sent twice with the same Idempotency-Key.
// guide:ts-create
const request: components["schemas"]["ProjectRequest"] = {
  nameZh: "契约测试长江新区数字经济项目", kind: "investment", status: "signed",
  district: "jiangxia", sector: "manufacturing", signedOn: "2024-02-01", amount: 3000 / 10000, amountQualifier: "exact",
};
const idempotencyKey = crypto.randomUUID();
const created = await staff.POST("/api/projects", { params: { header: { "Idempotency-Key": idempotencyKey } }, body: request });
if (!created.data) throw new Error(`create failed: ${created.response.status} ${JSON.stringify(created.error)}`);
const location = created.response.headers.get("Location");
// end
expect(created.response.status === 201 && location !== null && new URL(location).href === location, "201 with an absolute Location");
const replayed = await staff.POST("/api/projects", { params: { header: { "Idempotency-Key": idempotencyKey } }, body: request });
expect(replayed.data?.id === created.data.id && replayed.response.headers.get("Idempotent-Replayed") === "true", "the replayed answer");
const id = created.data.id;

// Read it with its ETag; nulls read as null (typed `| null`).
const read = await viewer.GET("/api/projects/{id}", { params: { path: { id } } });
const etag = read.response.headers.get("ETag") ?? "";
expect(read.data !== undefined && read.data.park === null && read.data.startedOn === null, "park and startedOn null");
const notModified = await viewer.GET("/api/projects/{id}", { params: { path: { id }, header: { "If-None-Match": etag } } });
expect(notModified.response.status === 304, "304 for the same ETag");

// Correct it with If-Match; stale is 412, none 428 — typed problem details.
// guide:ts-update
const corrected = await staff.PUT("/api/projects/{id}", {
  params: { path: { id }, header: { "If-Match": etag } },
  body: { ...request, notes: "位于江夏区" },
});
const stale = await staff.PUT("/api/projects/{id}", { params: { path: { id }, header: { "If-Match": etag } }, body: request });
if (stale.error) console.log(stale.response.status, stale.error.title, stale.error.detail);   // 412 Precondition Failed …
// end
expect(corrected.response.status === 200 && stale.response.status === 412 && stale.error?.status === 412, "200 then 412");
// @ts-expect-error: If-Match is required by the document, so leaving it out does not compile; sent anyway to see the 428.
const missing = await staff.PUT("/api/projects/{id}", { params: { path: { id } }, body: request });
expect(missing.response.status === 428 && missing.error?.title === "Precondition Required", "428 without If-Match");

// It starts.
const started = await staff.POST("/api/projects/{id}/status", {
  params: { path: { id }, header: { "If-Match": corrected.response.headers.get("ETag") ?? "" } },
  body: { status: "started", date: "2024-08" },
});
expect(started.data?.status === "started", "started");

// A groundbreaking with three new projects.
const groundbreaking = await staff.POST("/api/events", {
  body: {
    kind: "groundbreaking", date: "2024-08-08", district: "jiangxia", title: "契约测试三季度集中开工",
    reportedProjectCount: 12, reportedAmount: 88.5, reportedQualifier: "at_least",
    projects: [
      { nameZh: "契约测试半导体材料项目", sector: "manufacturing", amount: 6 },
      { nameZh: "契约测试物流园", sector: "manufacturing", amount: 2.2, amountQualifier: "approx" },
      { nameZh: "契约测试污水处理厂", sector: "manufacturing", kind: "public_works" },
    ],
  },
});
expect(groundbreaking.response.status === 201 && groundbreaking.data?.projects.length === 3, "an event with three projects");

// Page through Jiangxia's started projects two at a time.
// guide:ts-paging
const seen = new Set<number>();
let cursor: string | undefined;
do {
  const page = await viewer.GET("/api/projects", {
    params: { query: { district: ["jiangxia"], status: ["started"], sort: "-signedOn", limit: 2, ...(cursor ? { cursor } : {}) } },
  });
  if (!page.data) throw new Error(`list failed: ${page.response.status}`);
  page.data.items.forEach((project) => seen.add(project.id));
  cursor = page.data.nextCursor ?? undefined;
} while (cursor);
// end
expect(seen.size === 4, `4 started projects, saw ${seen.size}`);

// Totals by district for the year.
const totals = await viewer.GET("/api/dashboard/totals", {
  params: { query: { groupBy: ["district"], measure: "started", startedFrom: "2024", startedTo: "2024" } },
});
const jiangxia = totals.data?.rows.find((row) => row.keys["district"]?.code === "420115");
expect(jiangxia?.figures.projectCount === 4, "4 started in Jiangxia in 2024");

// A viewer may not write (403); a bad amount is a 400 naming the field.
// guide:ts-problems
const forbidden = await viewer.POST("/api/projects", { body: request });
const invalid = await staff.POST("/api/projects", { body: { ...request, amount: -1 } });
const amountErrors = invalid.error && "errors" in invalid.error ? invalid.error.errors["amount"] : undefined;
// end
expect(forbidden.response.status === 403 && forbidden.error?.status === 403, "403 for a viewer");
expect(invalid.response.status === 400 && (amountErrors?.length ?? 0) > 0, "400 naming amount");

console.log("staff workflow passed through openapi-fetch");
