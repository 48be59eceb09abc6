/** The App Home tab: the user's latest assessment (or how to get one) and the commands Archie offers. */
import type { types } from '@slack/bolt';
import { type Assessment, VERDICT_LABELS } from '../../core/assessment/assessment.js';
import type { TeamProfile } from '../../core/profile/profile.js';
import { context, header, listSections, sections } from './block-builders.js';
import { escapeMrkdwn, sourcesLine } from './mrkdwn.js';
import { type Block, LIMITS } from './slack-message.js';

export interface HomeSnapshot {
  profile: TeamProfile;
  assessment?: Assessment;
}

export interface HomeOptions {
  snapshot?: HomeSnapshot;
  commands: { name: string; summary: string }[];
}

export function renderHome(options: HomeOptions): types.HomeView {
  const a = options.snapshot?.assessment;
  const latest: Block[] = a
    ? [
        header(`Your latest assessment: ${VERDICT_LABELS[a.verdict] ?? a.verdict}`),
        ...context([`Confidence: *${Math.round(a.confidence * 100)}%*`]),
        ...listSections(
          'Why',
          a.reasons.slice(0, 5).map((r) => `• ${escapeMrkdwn(r.text)}`),
        ),
        ...listSections(
          'Next steps',
          a.nextSteps.slice(0, 5).map((s, i) => `${i + 1}. ${escapeMrkdwn(s)}`),
        ),
        ...context([sourcesLine(a.citations) ?? '']),
      ]
    : [
        header('Archie, your architecture consultant'),
        ...sections(
          'No assessment yet. Open the *Messages* tab (or the Archie agent) and describe your system, mention *@Archie* in a channel, or run `/archie assess <description>`.',
        ),
      ];
  const help = listSections('What you can do', [
    '• Chat with me in the Messages tab: I ask only what could change the answer, then recommend.',
    '• `@Archie` in a channel starts a review in a thread; reply in the thread without mentioning me.',
    '• `/archie assess <description>` for a one-shot verdict, `/archie ask <question>` for the sources.',
    ...options.commands.map((c) => `• \`/archie ${c.name}\`: ${escapeMrkdwn(c.summary)}`),
  ]);
  const blocks = [...latest, { type: 'divider' } as Block, ...help].slice(0, LIMITS.homeBlocks);
  return { type: 'home', blocks };
}
