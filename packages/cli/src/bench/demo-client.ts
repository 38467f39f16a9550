/**
 * How the bench acts as the demo nurse against a server under test (api.ts, compare.ts): log in, find her
 * caseload, and page through her worklist. 16 keep-alive clients, as the goals are stated.
 */
export const CONCURRENCY = 16;
export const NURSE = 'verpleegkundige@demo.nestwerk.test';

async function expectOk(response: Response, what: string): Promise<void> {
  // Reading the body is part of the request: a client that does not is not measuring the work.
  const body = await response.arrayBuffer();
  if (response.status !== 200)
    throw new Error(`${what}: HTTP ${response.status} ${Buffer.from(body).toString('utf8').slice(0, 200)}`);
}

export async function logIn(url: string, password: string, email = NURSE): Promise<string> {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  await expectOk(response, `log-in as ${email}`);
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) throw new Error('log-in answered without a session cookie');
  return cookie;
}

/** The families on the user's worklist (her own, else her team's); empty when there are none. */
export async function caseload(url: string, cookie: string): Promise<string[]> {
  for (const scope of ['mine', 'team']) {
    const response = await fetch(`${url}/api/worklist?scope=${scope}&limit=200`, { headers: { cookie } });
    if (response.status !== 200) throw new Error(`worklist: HTTP ${response.status}`);
    const body = (await response.json()) as { items: Array<{ familyId: string }> };
    if (body.items.length > 0) return body.items.map((i) => i.familyId);
  }
  return [];
}

/** A nurse paging through her worklist, now and then only what is due this week. */
export function worklistPageUrls(url: string): string[] {
  return [0, 50, 100, 150, 0].map(
    (offset, i) => `${url}/api/worklist?scope=mine&limit=50&offset=${offset}${i === 4 ? '&due=week' : ''}`,
  );
}
