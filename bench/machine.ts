/** What the numbers were measured on, and the renderer's memory read from /proc. */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

export interface Machine {
  date: string;
  nproc: number;
  cpu: string;
  memGb: number;
  node: string;
  chromium: string;
  /** 1-minute load average when the run started: the machine is shared, so say how busy it was. */
  loadAvg: number;
}

export function machine(chromium: string): Machine {
  const load = Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  return {
    date: new Date().toISOString().slice(0, 16).replace('T', ' '),
    nproc: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    memGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium,
    loadAvg: load,
  };
}

function parentOf(pid: string): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] ?? null;
  } catch {
    return null;
  }
}

/**
 * Resident memory of the Chromium renderer processes started by this Node process (the page,
 * its DuckDB and Parquet workers and their wasm memory all live in the renderer). Linux only.
 */
export function rendererRssMb(): number | null {
  const me = String(process.pid);
  let total = 0;
  let found = false;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return null;
  }
  for (const pid of pids) {
    let cmd: string;
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!cmd.includes('--type=renderer')) continue;
    let p: string | null = pid;
    for (let depth = 0; p && p !== '1' && depth < 10; depth++) {
      p = parentOf(p);
      if (p === me) break;
    }
    if (p !== me) continue;
    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (rss) {
      total += Number(rss[1]) / 1024;
      found = true;
    }
  }
  return found ? total : null;
}
