import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTeamsPackage } from '../../../scripts/teams-package.js';
import { ASK_ARCHIE_COMMAND_ID } from '../../../src/channels/teams/message-action.js';
import { loadConfig } from '../../../src/config/load-config.js';

const APP_ID = '11111111-2222-4333-8444-555555555555';
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function config(env: Record<string, string>) {
  return loadConfig({ env: { STORE_URL: 'memory://', ...env }, dotenvPath: false });
}

describe('npm run teams:package', () => {
  it('builds a zip with the manifest filled in and both icons', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'teams-pkg-')), 'archie-teams.zip');
    dirs.push(join(out, '..'));
    await buildTeamsPackage({
      config: config({ MICROSOFT_APP_ID: APP_ID, PUBLIC_URL: 'https://archie.example.com/' }),
      out,
    });
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const text = await zip.file('manifest.json')!.async('string');
    expect(text).not.toContain('${{');
    const manifest = JSON.parse(text);
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title)).toEqual([
      'help',
      'assess',
      'ask',
      'checkin',
      'history',
    ]);
    expect(manifest.validDomains).toEqual(['archie.example.com']);
    // The message action Archie handles, and the one permission it reads reply chains with.
    const [extension] = manifest.composeExtensions;
    expect(extension.botId).toBe(APP_ID);
    expect(extension.commands[0]).toMatchObject({
      id: ASK_ARCHIE_COMMAND_ID,
      type: 'action',
      context: ['message'],
      title: 'Ask Archie about this',
    });
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([
      { name: 'ChannelMessage.Read.Group', type: 'Application' },
    ]);
    expect(manifest.webApplicationInfo.id).toBe(APP_ID);
    // Teams requires privacy and terms pages; Archie serves both (operator-editable, see PRIVACY_PAGE).
    expect(manifest.developer.websiteUrl).toBe('https://archie.example.com');
    expect(manifest.developer.privacyUrl).toBe('https://archie.example.com/privacy');
    expect(manifest.developer.termsOfUseUrl).toBe('https://archie.example.com/terms');
    expect(Number(manifest.manifestVersion)).toBeGreaterThanOrEqual(1.19);
    const color = await zip.file('color.png')!.async('nodebuffer');
    const outline = await zip.file('outline.png')!.async('nodebuffer');
    expect([color.readUInt32BE(16), color.readUInt32BE(20)]).toEqual([192, 192]);
    expect([outline.readUInt32BE(16), outline.readUInt32BE(20)]).toEqual([32, 32]);
  });

  it('says how to fix a missing app id or public URL', async () => {
    await expect(buildTeamsPackage({ config: config({}) })).rejects.toMatchObject({
      userMessage: expect.stringMatching(/MICROSOFT_APP_ID is not set.*Azure Bot/),
    });
    await expect(buildTeamsPackage({ config: config({ MICROSOFT_APP_ID: APP_ID }) })).rejects.toMatchObject({
      userMessage: expect.stringMatching(/PUBLIC_URL is not set/),
    });
    await expect(buildTeamsPackage({ config: config({ MICROSOFT_APP_ID: 'not-a-guid' }) })).rejects.toMatchObject({
      userMessage: expect.stringMatching(/not a GUID/),
    });
  });
});
