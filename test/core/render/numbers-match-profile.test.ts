/**
 * No rendered number contradicts the profile: over every labelled description, every "N engineers",
 * "N teams", "N services" and "N documents" in the recommendation as each channel renders it (Markdown for
 * the CLI and exports, Slack blocks, the Teams card, the terminal, the ADR) is what the team said, or an
 * assumption listed as such for a fact they did not give.
 */
import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { renderMessage as renderSlack } from '../../../src/channels/slack/render-message.js';
import { renderMessage as renderTeams } from '../../../src/channels/teams/render-message.js';
import { fullRecommendation } from '../../../src/cli/terminal/terminal-messages.js';
import { renderAdr } from '../../../src/core/adr/render-adr.js';
import { createConsultant } from '../../../src/core/create-consultant.js';
import { templatedSummary } from '../../../src/core/interview/interview-messages.js';
import type { OutMessage } from '../../../src/core/message.js';
import type { TeamProfile } from '../../../src/core/profile/profile.js';
import { renderAssessmentMarkdown } from '../../../src/core/render/render-markdown.js';
import { assessOrAsk, LABELLED_DESCRIPTIONS } from '../../eval/labelled-descriptions.js';
import { knowledge } from '../interview/harness.js';

const UNITS: { unit: RegExp; fact: keyof TeamProfile }[] = [
  { unit: /engineers?/, fact: 'engineers' },
  { unit: /teams?/, fact: 'teams' },
  { unit: /services/, fact: 'services' },
  { unit: /documents/, fact: 'documentsPerDay' },
];

/** Every "<number> <unit>" in `text` (digits only: words such as "three engineers" come from sources). */
function counts(text: string): { fact: keyof TeamProfile; value: number; at: string }[] {
  const out: { fact: keyof TeamProfile; value: number; at: string }[] = [];
  for (const m of text.matchAll(/\b(\d[\d,]*)\+?\s+([a-z]+)/gi)) {
    // The upper end of a range ("2-3 teams") is a threshold, not a count.
    if (/[-–]$/.test(text.slice(0, m.index!))) continue;
    const word = m[2]!.toLowerCase();
    const u = UNITS.find((x) => new RegExp(`^(?:${x.unit.source})$`).test(word));
    if (u)
      out.push({
        fact: u.fact,
        value: Number(m[1]!.replace(/,/g, '')),
        at: text.slice(Math.max(0, m.index! - 60), m.index! + 40),
      });
  }
  return out;
}

const flatten = (value: unknown): string => JSON.stringify(value).replace(/\\n/g, '\n');

describe('rendered numbers agree with the profile', () => {
  it('over every labelled description, in every channel and the ADR', async () => {
    const consultant = createConsultant({ knowledge: await knowledge(), store: new Keyv() });
    let checked = 0;
    for (const d of LABELLED_DESCRIPTIONS) {
      const result = await assessOrAsk(consultant, d.text);
      if (!result) continue;
      const { assessment: a, profile } = result;
      const message: Extract<OutMessage, { type: 'recommendation' }> = {
        type: 'recommendation',
        assessment: a,
        summary: templatedSummary(a),
        actions: [],
      };
      // The assumptions are where an assumed figure belongs: check the rest of the output.
      const noAssumptions = { ...message, assessment: { ...a, assumptions: [] } };
      const outputs = {
        markdown: renderAssessmentMarkdown(noAssumptions.assessment, noAssumptions.summary),
        slack: flatten(renderSlack(noAssumptions)),
        teams: flatten(renderTeams(noAssumptions)),
        terminal: fullRecommendation(noAssumptions),
        adr: renderAdr({ assessment: noAssumptions.assessment, profile, date: new Date('2026-12-08') }).markdown,
      };
      for (const [channel, text] of Object.entries(outputs)) {
        for (const c of counts(text)) {
          const stated = profile[c.fact];
          if (typeof stated !== 'number') continue;
          // A plan ("grow to 30 engineers") may quote another number, always with its own words in quotes;
          // a threshold ("grows past about 10 engineers", "fewer than about 8") is not a claim about the team.
          const before = c.at.slice(0, 60);
          if (/[“"][^”"]*$/.test(before)) continue;
          if (
            /\b(?:past|more than|fewer than|less than|below|above|over|under|at least|to|than)(?: about)?\s*~?$/i.test(
              before.trimEnd(),
            )
          )
            continue;
          expect(c.value, `${d.id} (${channel}): “…${c.at}…” but the team said ${stated}`).toBe(stated);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  }, 120_000);
});
