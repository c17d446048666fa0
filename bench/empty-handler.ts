// The floor of the bundle benchmark: a handler that does nothing, bundled like the real ones.
export const handler = async () => ({ ok: true });
