import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PROMPTS_DIR,
  loadPrompts,
  PROMPT_VARIABLES,
  type PromptName,
  renderTemplate,
} from '../../src/core/model-assist/load-prompts.js';

describe('prompt files', () => {
  it('renders every prompt with exactly its declared variables', async () => {
    const prompts = await loadPrompts();
    for (const name of Object.keys(PROMPT_VARIABLES) as PromptName[]) {
      const vars = Object.fromEntries(prompts.variables(name).map((v) => [v, `<<${v}>>`]));
      const text = prompts.render(name, vars as never);
      expect(text).not.toMatch(/\{\{/);
      for (const v of prompts.variables(name)) expect(text).toContain(`<<${v}>>`);
    }
  });

  it('throws on a missing or an unknown variable', async () => {
    const prompts = await loadPrompts();
    expect(() => prompts.render('grounded-answer', {} as never)).toThrow(/missing variable\(s\) passages/);
    expect(() => prompts.render('system', { extra: 'x' } as never)).toThrow(/unknown variable\(s\) extra/);
    expect(() => renderTemplate('Hi {{name}}', { name: 'a', other: 'b' })).toThrow(/unknown/);
  });

  it('inserts user text verbatim without re-expanding placeholders in it', () => {
    expect(renderTemplate('Q: {{q}}', { q: '{{q}} and {{secret}}' })).toBe('Q: {{q}} and {{secret}}');
  });

  it('refuses to start when a prompt file drifts from the variables the code supplies', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'prompts-'));
    for (const file of await readdir(DEFAULT_PROMPTS_DIR)) {
      await writeFile(join(dir, file), await readFile(join(DEFAULT_PROMPTS_DIR, file), 'utf8'));
    }
    await writeFile(join(dir, 'grounded-answer.md'), 'Answer from {{passages}} and {{context}}.');
    await expect(loadPrompts(dir)).rejects.toThrow(/grounded-answer.*\{\{context\}\}/);
  });

  it('refuses to start when a prompt file is missing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'prompts-'));
    await expect(loadPrompts(dir)).rejects.toThrow(/prompt system: cannot read/);
  });
});
