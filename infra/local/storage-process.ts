// The storage server of the local engine, in a child process of its own: an internal LevelDB error in
// dynalite's request callback can then only end this process, which the engine sees and reports.
// It listens on a Unix domain socket in a folder only the engine's user can enter, never on TCP: dynalite takes
// any credentials, so whoever can connect can read every voter's IIN.
import dynalite from 'dynalite';
import { installClosingIterators } from './dynalite-iterators.ts';
import { installTableCache } from './dynalite-table-cache.ts';

// Owner only: LevelDB's files (0644 by default), its folders and the socket itself.
process.umask(0o077);

const path = process.env.DYNALITE_PATH;
const socket = process.env.DYNALITE_SOCKET;
if (!socket) throw new Error('DYNALITE_SOCKET: the Unix socket to listen on is not set');
// Before dynalite creates its store: without it every Query and Scan leaves a LevelDB iterator open, and every
// request reads the table's description from LevelDB.
installClosingIterators();
installTableCache();
const server = dynalite({ ...(path ? { path } : {}), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });

server.listen(socket, () => process.send?.({ socket }));

// When the engine goes, even by SIGKILL, its IPC channel closes: stop (which removes the socket file), so the
// data folder is free again.
process.on('disconnect', () => server.close(() => process.exit(0)));
