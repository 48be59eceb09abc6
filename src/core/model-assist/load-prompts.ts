/**
 * Prompt templates live in `prompts/*.md` so they can be reviewed and changed without touching code.
 * Placeholders are `{{name}}`. Loading checks every prompt the code needs exists and declares exactly
 * the variables the code supplies; rendering throws on a missing or unknown variable, so a drift
 * between a prompt and its caller fails at start-up or in a test, never silently in front of a user.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Every prompt the code renders, with the variables it supplies. */
export const PROMPT_VARIABLES = {
  system: [],
  'extract-facts': ['fields', 'known'],
  'grounded-answer': ['passages'],
  'explain-verdict': ['verdict', 'engine_result', 'passages'],
} as const satisfies Record<string, readonly string[]>;

export type PromptName = keyof typeof PROMPT_VARIABLES;
export type PromptVariables<N extends PromptName> = Record<(typeof PROMPT_VARIABLES)[N][number], string>;

export interface Prompts {
  /** The raw template (used by the leak check: a reply must not echo it). */
  template(name: PromptName): string;
  /** The variables a template declares, in order of first use. */
  variables(name: PromptName): string[];
  render<N extends PromptName>(name: N, vars: PromptVariables<N>): string;
}

const PLACEHOLDER = /\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g;

export const DEFAULT_PROMPTS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../prompts');

/** Lists the `{{variables}}` a template uses. */
export function templateVariables(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string))];
}

/** Fills a template; throws when a variable is missing or one is supplied that the template does not use. */
export function renderTemplate(template: string, vars: Record<string, string>, label = 'prompt'): string {
  const declared = templateVariables(template);
  const missing = declared.filter((v) => typeof vars[v] !== 'string');
  if (missing.length) throw new Error(`${label}: missing variable(s) ${missing.join(', ')}`);
  const unknown = Object.keys(vars).filter((v) => !declared.includes(v));
  if (unknown.length) throw new Error(`${label}: unknown variable(s) ${unknown.join(', ')}`);
  // One pass: values are inserted verbatim and never re-scanned for placeholders (user text may contain "{{").
  return template.replace(PLACEHOLDER, (_m, name: string) => vars[name] as string);
}

/** Reads every prompt from `dir` (default `<repo>/prompts`) and checks it against PROMPT_VARIABLES. */
export async function loadPrompts(dir: string = DEFAULT_PROMPTS_DIR): Promise<Prompts> {
  const templates = new Map<PromptName, string>();
  for (const name of Object.keys(PROMPT_VARIABLES) as PromptName[]) {
    const file = join(dir, `${name}.md`);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (cause) {
      throw new Error(`prompt ${name}: cannot read ${file}`, { cause });
    }
    const template = stripComments(text).trim();
    const expected = [...PROMPT_VARIABLES[name]].sort();
    const found = templateVariables(template).sort();
    if (expected.join(',') !== found.join(',')) {
      throw new Error(
        `prompt ${name} (${file}) uses {{${found.join('}}, {{')}}} but the code supplies {{${expected.join('}}, {{')}}}`,
      );
    }
    templates.set(name, template);
  }
  const get = (name: PromptName): string => {
    const template = templates.get(name);
    if (template === undefined) throw new Error(`unknown prompt ${name}`);
    return template;
  };
  return {
    template: get,
    variables: (name) => templateVariables(get(name)),
    render: (name, vars) => renderTemplate(get(name), vars as Record<string, string>, `prompt ${name}`),
  };
}

/** HTML comments in prompt files are notes for maintainers, not text for the model. */
function stripComments(text: string): string {
  return text.replace(/<!--[\s\S]*?-->/g, '');
}
