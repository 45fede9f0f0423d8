#!/usr/bin/env node
/**
 * The `tailguard` command. `tailguard report` prices the shipped Deribit snapshot (or `--snapshot
 * FILE`): IV check, smiles and ATM term structure, protection for a holder, exotic protection, lending,
 * the protection menu, hedging simulation, realised vs implied vol and portfolio risk; `--json` prints
 * the same as one JSON document, `--html FILE` also writes it as a self-contained page with charts.
 * Exit code 0 on success, 1 on any error (a one-line message on stderr, no stack trace).
 */
import { writeFileSync } from 'node:fs';
import { relative, isAbsolute } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { TailguardError, init } from '../index.js';
import { escapeUnprintable } from './escape.js';
import { DEFAULT_SNAPSHOT } from './paths.js';
import { progressBar } from './progress.js';
import { renderText } from './render.js';
import { buildReport } from './report.js';
import { SnapshotError, loadSnapshot } from './snapshot.js';

const CURRENCIES = ['BTC', 'ETH'] as const;

function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

function parseCurrency(value: string): string {
  const v = value.toUpperCase();
  if (!(CURRENCIES as readonly string[]).includes(v)) throw new InvalidArgumentError(`expected one of ${CURRENCIES.join(', ')}`);
  return v;
}

interface ReportOptions {
  snapshot?: string;
  currency: string;
  json?: boolean;
  html?: string;
}

async function report(opts: ReportOptions): Promise<void> {
  const file = opts.snapshot ?? displayPath(DEFAULT_SNAPSHOT);
  const chain = loadSnapshot(file);
  await init();
  const progress = progressBar(process.stderr);
  const result = await buildReport(chain, opts.currency, progress ? { progress } : {});
  if (opts.html !== undefined) {
    const { renderHtml } = await import('./html.js'); // the chart library is read only for --html
    try {
      writeFileSync(opts.html, renderHtml(result));
    } catch (err) {
      throw new Error(`cannot write ${opts.html}: ${(err as Error).message}`);
    }
  }
  process.stdout.write(opts.json === true ? `${JSON.stringify(result, null, 2)}\n` : renderText(result));
}

/** Builds the command-line program: the `report` command and its options. */
function program(): Command {
  const cmd = new Command('tailguard')
    .description('WebAssembly-accelerated option pricing and DeFi risk')
    .showHelpAfterError('(run with --help for usage)');
  cmd
    .command('report')
    .description('IV check, smiles, protection, hedging, volatility and portfolio risk on a Deribit option chain snapshot')
    .option('--snapshot <file>', 'Deribit snapshot CSV (default: the shipped 2025-12-31 snapshot)')
    .addOption(new Option('--currency <ccy>', 'BTC or ETH').default('BTC').argParser(parseCurrency))
    .option('--json', 'print one JSON document instead of the text report')
    .option('--html <file>', 'also write the report as one self-contained HTML page with charts (uPlot inlined)')
    .action(report);
  return cmd;
}

/** Runs the command line; never throws: errors go to stderr with exit code 1. */
async function main(argv: readonly string[] = process.argv): Promise<void> {
  try {
    await program().parseAsync([...argv]);
  } catch (err) {
    const known = err instanceof SnapshotError || err instanceof TailguardError;
    const message = known ? err.message : String(err instanceof Error ? err.message : err);
    process.stderr.write(`tailguard: ${escapeUnprintable(message)}\n`); // never a raw control byte on the terminal
    process.exitCode = 1;
  }
}

await main();
