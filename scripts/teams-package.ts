/**
 * Builds the Teams app package `teams/build/archie-teams.zip` (manifest.json + icons) with the app id
 * and public host from the configuration (.env or environment). Run: npm run teams:package
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import type { Config } from '../src/config/config-schema.js';
import { loadConfig } from '../src/config/load-config.js';
import { ArchieError } from '../src/core/errors.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ICONS = { 'color.png': 192, 'outline.png': 32 } as const;

export interface PackageOptions {
  config: Config;
  /** Folder holding manifest.json and the icons (default: <repo>/teams). */
  dir?: string;
  /** Output zip (default: <dir>/build/archie-teams.zip). */
  out?: string;
}

/** Fills the manifest placeholders, checks the icons and writes the zip; returns its path. */
export async function buildTeamsPackage(options: PackageOptions): Promise<string> {
  const dir = options.dir ?? resolve(dirname(fileURLToPath(import.meta.url)), '..', 'teams');
  const out = options.out ?? resolve(dir, 'build', 'archie-teams.zip');
  const values = placeholderValues(options.config);
  const template = readFileSync(resolve(dir, 'manifest.json'), 'utf8');
  const manifest = template.replace(/\$\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw fail(`manifest.json uses ${whole}, which the packager does not know.`);
    return value;
  });
  JSON.parse(manifest); // a broken template should fail here, not in the Teams upload dialog
  const zip = new JSZip();
  zip.file('manifest.json', manifest);
  for (const [name, size] of Object.entries(ICONS)) {
    const png = readFileSync(resolve(dir, name));
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    if (width !== size || height !== size) {
      throw fail(
        `${name} is ${width}x${height} but Teams needs ${size}x${size}: run node bin/run-ts.js scripts/make-teams-icons.ts`,
      );
    }
    zip.file(name, png);
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return out;
}

function placeholderValues(config: Config): Record<string, string> {
  const appId = config.teams.appId;
  if (!appId) {
    throw fail(
      'MICROSOFT_APP_ID is not set. Copy the Microsoft App ID from your Azure Bot (Configuration page) into .env as MICROSOFT_APP_ID=<guid>, then run npm run teams:package again.',
    );
  }
  if (!GUID.test(appId)) {
    throw fail(
      `MICROSOFT_APP_ID "${appId}" is not a GUID: copy the Microsoft App ID (xxxxxxxx-xxxx-…) from your Azure Bot.`,
    );
  }
  if (!config.publicUrl) {
    throw fail(
      'PUBLIC_URL is not set. Set it to the https address Teams reaches Archie at (the Azure Bot messaging endpoint is <PUBLIC_URL>/api/messages), e.g. PUBLIC_URL=https://archie.example.com',
    );
  }
  const url = new URL(config.publicUrl);
  if (url.protocol !== 'https:') throw fail(`PUBLIC_URL must use https (Teams requires it); got ${config.publicUrl}`);
  return { MICROSOFT_APP_ID: appId, PUBLIC_URL: url.origin, PUBLIC_HOST: url.host };
}

function fail(message: string): ArchieError {
  return new ArchieError('config_invalid', `Cannot build the Teams package: ${message}`);
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    const out = await buildTeamsPackage({ config: loadConfig() });
    console.log(
      `Teams app package written to ${out}\nUpload it in Teams: Apps → Manage your apps → Upload an app → Upload a custom app.`,
    );
  } catch (error) {
    console.error(error instanceof ArchieError ? error.userMessage : error);
    process.exitCode = 1;
  }
}
