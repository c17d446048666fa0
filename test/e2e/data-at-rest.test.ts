// Data at rest: the data folder holds every voter's IIN, so nothing in it may be open to other local users,
// and storage (dynalite, which takes any credentials) may not be reachable by them either.
import { chmodSync, lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../shared/auth/caller.ts';
import { newElectionInput } from '../support/elections.ts';
import { apiClient, type EngineProcess, newDataDir, startEngineProcess } from '../support/engine-process.ts';
import { voterRows } from '../support/signers.ts';

const commission: Caller = { role: 'commission', subject: 'tec-1', district: '1952' };
const electionId = '195230100-2026-03-15';
const CLOCK_START = '2026-02-05T04:00:00.000Z';

let running: EngineProcess | undefined;
afterEach(async () => {
  await running?.kill('SIGTERM');
  running = undefined;
});

/** Every path under `root` (itself included) with its permission bits and kind; links are not followed. */
function walk(root: string): { path: string; mode: number; kind: 'dir' | 'socket' | 'file' }[] {
  const stat = lstatSync(root, { throwIfNoEntry: false });
  // LevelDB may remove a file between the listing and this look.
  if (stat === undefined) return [];
  const kind = stat.isDirectory() ? 'dir' : stat.isSocket() ? 'socket' : 'file';
  const here = { path: root, mode: stat.mode & 0o777, kind } as const;
  return kind === 'dir' ? [here, ...readdirSync(root).flatMap((name) => walk(join(root, name)))] : [here];
}

/** What has a permission bit for group or other users, as `<octal mode> <path>`. */
function openToOthers(root: string): string[] {
  return walk(root)
    .filter((entry) => (entry.mode & 0o077) !== 0)
    .map((entry) => `${entry.mode.toString(8)} ${entry.path}`);
}

/** The engine's storage child, found by its parent pid (Linux /proc). */
function storagePidOf(enginePid: number): number {
  const children = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        // The command may hold spaces and parentheses: the parent pid is the second field after the last ')'.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === enginePid;
      } catch {
        return false;
      }
    })
    .filter((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('storage-process.ts'));
  expect(children).toHaveLength(1);
  return Number(children[0]);
}

/** The inodes of the sockets a process holds open. */
function socketInodesOf(pid: number): Set<string> {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match?.[1] !== undefined) inodes.add(match[1]);
    } catch {
      // closed meanwhile
    }
  }
  return inodes;
}

/** `ip:port` of every TCP socket (v4 and v6) in LISTEN state among `inodes`, from the process's own view. */
function tcpListeners(pid: number, inodes: Set<string>): string[] {
  return ['tcp', 'tcp6'].flatMap((table) => {
    let rows: string[];
    try {
      rows = readFileSync(`/proc/${pid}/net/${table}`, 'utf8').trim().split('\n').slice(1);
    } catch {
      return []; // no IPv6 on this machine
    }
    return rows
      .map((row) => row.trim().split(/\s+/))
      .filter((cols) => cols[3] === '0A' && inodes.has(cols[9] ?? ''))
      .map((cols) => `${table} ${cols[1]}`);
  });
}

/** Paths of the Unix sockets among `inodes` that accept connections (flag __SO_ACCEPTCON). */
function unixListeners(pid: number, inodes: Set<string>): string[] {
  return readFileSync(`/proc/${pid}/net/unix`, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((row) => row.trim().split(/\s+/))
    .filter((cols) => (Number.parseInt(cols[3] ?? '0', 16) & 0x10000) !== 0 && inodes.has(cols[6] ?? ''))
    .map((cols) => cols[7] ?? '');
}

async function startWithData(dataDir: string): Promise<ReturnType<typeof apiClient>> {
  running = await startEngineProcess(dataDir, { CLOCK_START });
  return apiClient(running.url, dataDir);
}

async function callElectionWithVoters(api: ReturnType<typeof apiClient>): Promise<void> {
  expect((await api(commission, 'POST', '/elections', newElectionInput())).status).toBe(201);
  const register = await api(commission, 'POST', `/elections/${electionId}/voter-register`, {
    source: 'list',
    voters: voterRows(20),
  });
  expect(register.status).toBeLessThan(300);
}

describe('data at rest', () => {
  it('keeps every file and folder of the data folder to its owner (files 0600, folders 0700)', async () => {
    const dataDir = newDataDir();
    const api = await startWithData(dataDir);
    await callElectionWithVoters(api);
    // The manual clock's file is written again when it moves.
    const moved = await api(commission, 'POST', '/admin/clock', { to: '2026-02-06T04:00:00.000Z' });
    expect(moved.status).toBeLessThan(300);

    const names = readdirSync(dataDir);
    expect(names).toEqual(
      expect.arrayContaining(['dynamodb', 'engine.pid', 'manual-clock.json', 'token-signing.key']),
    );
    expect(openToOthers(dataDir)).toEqual([]);
    for (const entry of walk(dataDir)) {
      if (entry.kind === 'dir') expect(entry.mode, entry.path).toBe(0o700);
      if (entry.kind === 'file') expect(entry.mode, entry.path).toBe(0o600);
    }
  });

  // Found through /proc, by the socket inodes the storage process itself holds: no other process's ports
  // count, and no port needs guessing.
  it.runIf(process.platform === 'linux')(
    'serves storage on a Unix socket inside the data folder, and on no TCP port',
    async () => {
      const dataDir = newDataDir();
      const api = await startWithData(dataDir);
      await callElectionWithVoters(api);

      const storagePid = storagePidOf(running?.child.pid ?? -1);
      const inodes = socketInodesOf(storagePid);
      expect(tcpListeners(storagePid, inodes)).toEqual([]);
      const listening = unixListeners(storagePid, inodes);
      expect(listening).toHaveLength(1);
      const socket = listening[0] ?? '';
      expect(socket.startsWith(`${dataDir}/`)).toBe(true);
      const stat = lstatSync(socket);
      expect(stat.isSocket()).toBe(true);
      expect(stat.mode & 0o077).toBe(0);
      // …and the engine still answers from it.
      expect((await api(commission, 'GET', `/elections/${electionId}`)).status).toBe(200);
    },
  );

  it('tightens, at start, a data folder an earlier version left readable, and restarts past a stale socket', async () => {
    const dataDir = newDataDir();
    const api = await startWithData(dataDir);
    await callElectionWithVoters(api);
    // Storage dies by SIGKILL (its socket file stays behind), and the engine stops with it.
    const engine = running;
    const engineGone = new Promise((done) => engine?.child.once('exit', done));
    if (process.platform === 'linux') process.kill(storagePidOf(engine?.child.pid ?? -1), 'SIGKILL');
    else await engine?.kill('SIGKILL');
    await engineGone;
    running = undefined;
    const sockets = () => walk(dataDir).filter((entry) => entry.kind === 'socket');
    if (process.platform === 'linux') expect(sockets()).toHaveLength(1);
    // What an earlier version left: folders 0755, files 0644.
    for (const entry of walk(dataDir)) {
      if (entry.kind === 'dir') chmodSync(entry.path, 0o755);
      if (entry.kind === 'file') chmodSync(entry.path, 0o644);
    }
    expect(openToOthers(dataDir)).not.toEqual([]);

    const restarted = await startWithData(dataDir);
    expect(openToOthers(dataDir)).toEqual([]);
    // The data is all there, and one socket: the stale one is gone, the new one has a name of its own.
    expect((await restarted(commission, 'GET', `/elections/${electionId}`)).status).toBe(200);
    expect(sockets()).toHaveLength(1);
  });
});
