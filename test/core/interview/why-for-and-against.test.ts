/** "Why?" separates what argues for the verdict from what argues against it, each with what it rests on. */
import { describe, expect, it } from 'vitest';
import { ctx, makeConsultant, recommendationOf, text } from './harness.js';

describe('why? for and against', () => {
  it('lists the factors against a hybrid under their own heading, with the scores as shown everywhere', async () => {
    const consultant = await makeConsultant();
    let replies = await consultant.handle(
      'c',
      text(
        'We are 6 engineers in one team. We self-host a 70B model on our own GPUs with vLLM, in production with on-call, CI/CD and tracing, on Kubernetes.',
      ),
      ctx,
    );
    for (let i = 0; i < 5 && !recommendationOf(replies); i++) replies = await consultant.handle('c', text('skip'), ctx);
    const a = recommendationOf(replies)!.assessment;
    expect(a.verdict).toBe('hybrid');
    const [why] = await consultant.handle('c', { type: 'choice', value: 'cmd:why' }, ctx);
    const body = why!.type === 'text' ? why!.text : '';
    const [forPart, againstPart] = body.split(/^Against hybrid \(outweighed\):$/m);
    expect(forPart).toMatch(/^For hybrid:$/m);
    expect(forPart).toContain('Self-hosted models on GPUs');
    expect(forPart).toMatch(/you said “/);
    expect(againstPart).toContain('One small team');
    expect(againstPart).toContain('Every service pays an entry fee');
    expect(forPart).not.toContain('One small team');
    const ranked = Object.values(a.scores).sort((x, y) => y - x);
    expect(body).toContain(`it scores ${ranked[0]!.toFixed(1)}, against ${ranked[1]!.toFixed(1)}`);
  });
});
