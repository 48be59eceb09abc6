/** A small Dockerfile reader for the instructions Archie's Dockerfile uses, so a test can replay them. */

export interface DockerStage {
  name: string;
  base: string;
  steps: DockerStep[];
}

export type DockerStep =
  | { kind: 'WORKDIR'; path: string }
  | { kind: 'ENV'; key: string; value: string }
  | { kind: 'COPY'; from?: string; sources: string[]; dest: string }
  | { kind: 'RUN'; command: string }
  | { kind: 'USER'; user: string }
  | { kind: 'VOLUME' | 'EXPOSE'; args: string }
  | { kind: 'HEALTHCHECK'; command: string[] }
  | { kind: 'CMD'; command: string[] };

function execForm(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) return JSON.parse(trimmed) as string[];
  return ['/bin/sh', '-c', trimmed];
}

export function parseDockerfile(text: string): DockerStage[] {
  const logical = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const stages: DockerStage[] = [];
  for (const line of logical) {
    const [, instruction = '', rest = ''] = /^(\w+)\s+([\s\S]*)$/.exec(line) ?? [];
    const op = instruction.toUpperCase();
    if (op === 'FROM') {
      const [base = '', , name] = rest.split(/\s+/);
      stages.push({ name: name ?? String(stages.length), base, steps: [] });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) throw new Error(`${op} before FROM`);
    switch (op) {
      case 'WORKDIR':
        stage.steps.push({ kind: 'WORKDIR', path: rest });
        break;
      case 'ENV': {
        const [key = '', ...value] = rest.split('=');
        stage.steps.push({ kind: 'ENV', key, value: value.join('=') });
        break;
      }
      case 'COPY': {
        const parts = rest.split(/\s+/);
        const from = parts[0]?.startsWith('--from=') ? parts.shift()!.slice('--from='.length) : undefined;
        const dest = parts.pop() ?? '.';
        stage.steps.push({ kind: 'COPY', from, sources: parts, dest });
        break;
      }
      case 'RUN':
        stage.steps.push({ kind: 'RUN', command: rest });
        break;
      case 'USER':
        stage.steps.push({ kind: 'USER', user: rest });
        break;
      case 'VOLUME':
      case 'EXPOSE':
        stage.steps.push({ kind: op, args: rest });
        break;
      case 'HEALTHCHECK':
        stage.steps.push({ kind: 'HEALTHCHECK', command: execForm(rest.replace(/^(--\S+\s+)*CMD\s+/, '')) });
        break;
      case 'CMD':
        stage.steps.push({ kind: 'CMD', command: execForm(rest) });
        break;
      default:
        throw new Error(`unsupported Dockerfile instruction ${op}: extend parse-dockerfile.ts and its replay test`);
    }
  }
  return stages;
}
