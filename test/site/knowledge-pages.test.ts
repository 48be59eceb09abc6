/**
 * The knowledge base served over HTTP by the whole Archie (createArchie on loopback): the index lists and
 * searches every document, a source's page links its public URL, a synthesis's page says it is Archie's
 * own and lists the public sources it rests on, and unknown ids get a 404 page. The organisation's own
 * documents (KNOWLEDGE_DIRS) are internal: never listed, found or served (404).
 */
import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/core/knowledge/load-knowledge-base.js';
import { startWebArchie, type WebTestServer } from '../channels/web/web-test-server.js';

let server: WebTestServer;
beforeAll(async () => {
  server = await startWebArchie({ WEB_CHAT: 'false' });
});
afterAll(async () => {
  await server?.close();
});

async function get(path: string): Promise<{ status: number; html: string; type: string }> {
  const response = await fetch(`${server.url}${path}`);
  return { status: response.status, html: await response.text(), type: response.headers.get('content-type') ?? '' };
}

/** Every href on a page. */
const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));

describe('GET /knowledge', () => {
  it('lists every document by title with its publisher, date and status, and links each page', async () => {
    const kb = await loadKnowledgeBase();
    const { status, html, type } = await get('/knowledge');
    expect(status).toBe(200);
    expect(type).toMatch(/text\/html/);
    for (const doc of kb.docs.values()) expect(hrefs(html)).toContain(`/knowledge/${doc.id}`);
    expect(html).toContain('Published 19 March 2020 · status: confirmed');
    expect(html).toMatch(/Undated documentation, last read December 2026/);
  });

  it('searches with the same retriever the answers use, best match first', async () => {
    const { status, html } = await get('/knowledge?q=prime+video+monolith+cost');
    expect(status).toBe(200);
    const results = html.slice(html.indexOf('<ol class="kb-results">'), html.indexOf('</ol>'));
    expect(hrefs(results)[0]).toBe('/knowledge/prime-video-monolith');
    expect(html).toContain('value="prime video monolith cost"');
  });

  it('says plainly when nothing matches, and escapes the query', async () => {
    const { html } = await get(`/knowledge?q=${encodeURIComponent('<script>zzqx</script>')}`);
    expect(html).toContain('Nothing matches “&lt;script&gt;zzqx&lt;/script&gt;”');
    expect(html).not.toContain('<script>zzqx');
  });

  it('is linked from the landing page and every site page', async () => {
    expect(hrefs((await get('/')).html)).toContain('/knowledge');
    expect(hrefs((await get('/privacy')).html)).toContain('/knowledge');
  });
});

describe('GET /knowledge/<id>', () => {
  it('shows a source: title, publisher, date, status, summary, figures and its public URL', async () => {
    const { status, html } = await get('/knowledge/nvidia-nim-llm-benchmark');
    expect(status).toBe(200);
    expect(html).toContain('<h1>NVIDIA NIM LLM benchmarking');
    expect(html).toContain('Publisher: NVIDIA');
    expect(html).toContain('Undated documentation, last read December 2026');
    expect(html).toContain('Status: Confirmed');
    expect(html).toContain('<h2>Key figures</h2>');
    expect(html).toContain('Archie&#39;s calculation from these two figures');
    expect(hrefs(html)).toContain('https://docs.nvidia.com/nim/benchmarking/llm/1.0.0/performance');
  });

  it('shows a synthesis as Archie’s own, with the sources it rests on and their public URLs, and no page of its own elsewhere', async () => {
    const kb = await loadKnowledgeBase();
    const doc = kb.docs.get('synthesis-when-to-extract-inference')!;
    const { status, html } = await get(`/knowledge/${doc.id}`);
    expect(status).toBe(200);
    expect(html).toContain("Kind: Archie's synthesis");
    expect(html).toContain('Sources this synthesis rests on');
    const links = hrefs(html);
    for (const id of doc.cites) {
      expect(links).toContain(`/knowledge/${id}`);
      expect(links).toContain(kb.docs.get(id)!.url);
    }
    // Cross-references in the text lead to the cited documents' pages.
    expect(html).toContain('href="/knowledge/vllm-pagedattention"');
    expect(html).not.toContain('(see vllm-pagedattention)');
  });

  it('never shows how a document was researched', async () => {
    const { html } = await get('/knowledge/infoworld-microservices-genai');
    expect(html).toContain('David Linthicum');
    expect(html).not.toMatch(/syndicated copies|fr\.zicos|provenance/i);
  });

  it('answers an unknown id with a 404 page that leads back to the index', async () => {
    const { status, html } = await get('/knowledge/no-such-document');
    expect(status).toBe(404);
    expect(html).toContain('No document is called “no-such-document”');
    expect(hrefs(html)).toContain('/knowledge');
  });
});

describe("the organisation's own documents (KNOWLEDGE_DIRS)", () => {
  const PACK = fileURLToPath(new URL('../../examples/org-knowledge/', import.meta.url));
  const INTERNAL_SYNTHESIS = `---
id: org-gateway-guidance
title: "Northwind guidance: one model gateway"
url: https://wiki.northwind.internal/architecture/gateway
publisher: Northwind Health architecture group
published: "2025-06-01"
status: confirmed
kind: synthesis
cites: [prime-video-monolith]
---
Every product calls models through the one Northwind gateway in the shared platform account.
`;
  let orgServer: WebTestServer;
  let dir: string;
  let orgIds: string[];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'archie-org-pages-'));
    for (const name of await readdir(PACK)) await copyFile(join(PACK, name), join(dir, name));
    await writeFile(join(dir, 'org-gateway-guidance.md'), INTERNAL_SYNTHESIS);
    const kb = await loadKnowledgeBase(undefined, [dir]);
    orgIds = [...kb.docs.values()].filter((d) => d.organisation).map((d) => d.id);
    orgServer = await startWebArchie({ WEB_CHAT: 'false', KNOWLEDGE_DIRS: dir });
  });
  afterAll(async () => {
    await orgServer?.close();
    await rm(dir, { recursive: true, force: true });
  });
  const orgGet = async (path: string) => {
    const response = await fetch(`${orgServer.url}${path}`);
    return { status: response.status, html: await response.text() };
  };

  it('are never listed on the public index, which still lists every public document', async () => {
    expect(orgIds.sort()).toEqual([
      'adr-0012-postgres-for-vectors',
      'org-gateway-guidance',
      'platform-standard-ecs',
      'policy-phi-boundary',
      'standard-service-budget',
    ]);
    const { status, html } = await orgGet('/knowledge');
    expect(status).toBe(200);
    const publicKb = await loadKnowledgeBase();
    for (const doc of publicKb.docs.values()) expect(hrefs(html)).toContain(`/knowledge/${doc.id}`);
    for (const id of orgIds) expect(hrefs(html)).not.toContain(`/knowledge/${id}`);
    expect(html).not.toMatch(/Northwind|clinical-prod|wiki\.northwind\.internal/);
  });

  it('are never found by the search, even by their own words', async () => {
    for (const q of ['PHI clinical-prod account policy', 'ADR-12 embeddings Postgres pgvector', 'Northwind gateway']) {
      const { status, html } = await orgGet(`/knowledge?q=${encodeURIComponent(q)}`);
      expect(status).toBe(200);
      for (const id of orgIds) expect(hrefs(html)).not.toContain(`/knowledge/${id}`);
      // The query is echoed back; nothing of the documents themselves is shown.
      expect(html).not.toMatch(
        /Data policy: PHI|ADR-12:|Northwind guidance|Northwind Health|wiki\.northwind\.internal/,
      );
    }
  });

  it('are not served at /knowledge/<id>: 404, the same page as an unknown id', async () => {
    for (const id of orgIds) {
      const { status, html } = await orgGet(`/knowledge/${id}`);
      expect(status).toBe(404);
      expect(html).toContain('Not in the knowledge base');
      expect(html).not.toMatch(/Northwind|clinical-prod|wiki\.northwind\.internal/);
    }
  });

  it('public pages still render with the organisation pack loaded', async () => {
    const { status, html } = await orgGet('/knowledge/prime-video-monolith');
    expect(status).toBe(200);
    expect(html).not.toMatch(/Northwind/);
  });
});
