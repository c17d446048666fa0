// The storage server of the local engine, in a child process of its own: an internal LevelDB error in
// dynalite's request callback can then only end this process, which the engine sees and reports.
import dynalite from 'dynalite';

const path = process.env.DYNALITE_PATH;
const server = dynalite({ ...(path ? { path } : {}), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('dynalite is not listening on TCP');
  process.send?.({ port: address.port });
});

// When the engine goes, even by SIGKILL, its IPC channel closes: stop, so the data folder is free again.
process.on('disconnect', () => server.close(() => process.exit(0)));
