/** `archie assess`: a description on stdin (or as arguments) → a recommendation as Markdown, JSON or an ADR. */

import { renderAdr } from '../../core/adr/render-adr.js';
import type { Citation } from '../../core/assessment/assessment.js';
import type { AssessResult } from '../../core/consultant.js';
import { ArchieError } from '../../core/errors.js';
import { templatedSummary } from '../../core/interview/interview-messages.js';
import { screenInput } from '../../core/interview/screen-input.js';
import { citationJson } from '../../core/knowledge/cite.js';
import { describeProfile } from '../../core/render/describe-profile.js';
import { renderAssessmentMarkdown } from '../../core/render/render-markdown.js';
import type { CliIo } from '../cli-io.js';
import { buildConsultant, decodeText, EXIT, EXIT_CODES_HELP, parseOptions, usage, withErrors } from '../cli-support.js';

const HELP = `Usage: archie assess [--json | --format markdown|json|adr] [description…]

Reads a description of your genAI system from stdin (or the arguments) and prints a recommendation:
monolith, modular-monolith, hybrid or microservices, with reasons, confidence, risks, next steps,
what would change it, the assumptions made for facts you did not give, and cited sources.

Options:
  --json             One JSON object: recommendation, confidence (0..1), reasons (with citations),
                     assumptions, citations [{title,url}] (organisation: true for your own documents),
                     organisationConstraints [{constraint,value,reason,effect,source}], risks,
                     nextSteps, changeTriggers, profile, facts [{fact,value,evidence,source}] and
                     plans [{fact,value,evidence,modality}]
  --format <f>       markdown (default), json, or adr (a MADR-style Architecture Decision Record)
  -h, --help         Show this help

With nothing about a system to go on (no model, parts, stage or architecture), there is no verdict:
exit 2 and one line saying what is missing (--json: {"error": "...", "missing": ["system", "team-size"]}).
Input longer than MAX_MESSAGE_CHARS (default 8000) is truncated, with a note on stderr.

Examples:
  echo "3 engineers, hosted OpenAI API, no on-call" | archie assess
  archie assess --format adr < system.txt > docs/adr/0001-architecture.md

${EXIT_CODES_HELP}
`;

/** The JSON shape scripts rely on. */
export function toJson(result: AssessResult, notes: string[]) {
  const a = result.assessment;
  const cite = (cs: Citation[]) => cs.map(citationJson);
  return {
    recommendation: a.verdict,
    confidence: a.confidence,
    scores: a.scores,
    extractedServices: a.extractedServices,
    reasons: a.reasons.map((r) => ({ text: r.text, factor: r.factorId, citations: cite(r.citations) })),
    risks: a.risks.map((r) => ({ risk: r.risk, mitigation: r.mitigation, citations: cite(r.citations) })),
    nextSteps: a.nextSteps,
    changeTriggers: a.changeTriggers,
    runnerUp: a.runnerUp,
    assumptions: a.assumptions,
    citations: cite(a.citations),
    organisationConstraints: (a.organisationConstraints ?? []).map((c) => ({
      constraint: c.name,
      value: c.value,
      ...(c.reason ? { reason: c.reason } : {}),
      effect: c.effect,
      source: cite([c.source])[0],
    })),
    profile: result.profile,
    facts: Object.entries(result.profile).map(([fact, value]) => {
      const record = result.provenance[fact as keyof typeof result.provenance];
      return { fact, value, evidence: record?.evidence ?? null, source: record?.source ?? 'stated' };
    }),
    plans: result.plans.map((p) => ({
      fact: p.key,
      value: p.value,
      evidence: p.evidence,
      modality: p.modality,
      ...(p.speaker ? { speaker: p.speaker } : {}),
    })),
    history: result.history.map((h) => ({ fact: h.key, value: h.value, evidence: h.evidence })),
    notes,
    engineVersion: a.engineVersion,
  };
}

export async function run(args: string[], io: CliIo): Promise<number> {
  return withErrors(io, 'assess', async () => {
    const { values, positionals } = parseOptions(
      args,
      { json: { type: 'boolean' }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      'assess',
    );
    if (values.help) {
      io.stdout(HELP);
      return EXIT.ok;
    }
    if (values.json && values.format && values.format !== 'json') {
      throw usage(`--json and --format ${values.format} ask for two different outputs: use one of them`);
    }
    const format = values.json ? 'json' : (values.format ?? 'markdown');
    if (!['markdown', 'json', 'adr'].includes(format))
      throw usage(`unknown format "${format}": use markdown, json or adr`);

    let text: string;
    if (positionals.length) text = positionals.join(' ');
    else {
      const bytes = await io.readStdin();
      if (bytes === undefined) {
        throw usage('describe your system on stdin, e.g. echo "3 engineers, hosted OpenAI API" | archie assess');
      }
      text = decodeText(bytes);
      if (!text.trim()) {
        throw usage(
          'stdin was empty: describe your system, e.g. echo "3 engineers, hosted OpenAI API" | archie assess',
        );
      }
    }

    const cli = await buildConsultant(io, { persistent: false });
    try {
      const screened = screenInput(text, cli.maxMessageChars);
      if (!screened.ok) throw usage(screened.message);
      for (const note of screened.notes) io.stderr(`note: ${note}\n`);
      let result: AssessResult;
      try {
        result = await cli.consultant.assess(screened.text, { channel: 'cli' });
      } catch (error) {
        // Too little to decide: scripts get what is missing as JSON (exit 2); people get one line.
        if (format !== 'json' || !(error instanceof ArchieError) || error.code !== 'insufficient_input') throw error;
        io.stdout(`${JSON.stringify({ error: error.userMessage, missing: error.details?.missing ?? [] })}\n`);
        return EXIT.usage;
      }
      if (format === 'json') io.stdout(`${JSON.stringify(toJson(result, screened.notes), null, 2)}\n`);
      else if (format === 'adr') {
        io.stdout(renderAdr({ assessment: result.assessment, profile: result.profile, date: new Date() }).markdown);
      } else {
        const facts = describeProfile(result.profile);
        const understood = facts.length ? `What I understood: ${facts.join('; ')}.\n\n` : '';
        io.stdout(`${understood}${renderAssessmentMarkdown(result.assessment, templatedSummary(result.assessment))}\n`);
      }
      return EXIT.ok;
    } finally {
      await cli.close();
    }
  });
}
