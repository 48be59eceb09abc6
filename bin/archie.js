#!/usr/bin/env node
// Runs Archie's TypeScript sources directly through tsx's loader: no build step (see docs/adr/0002).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
