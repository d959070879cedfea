import { getEngine } from '../../../queries/engine';
import { writeAliases } from '../../../p3dn/agency';
import { useAliasStore } from '../../../stores/alias-store';

let started = false;
let chain: Promise<void> = Promise.resolve();

/** Write the persisted aliases into the engine now, and again whenever the user changes them. */
export function startAliasSync(): Promise<void> {
  const apply = () => {
    chain = chain
      .then(async () => {
        const engine = await getEngine();
        await writeAliases(engine, useAliasStore.getState().aliases);
        useAliasStore.getState().applied();
      })
      .catch((e: unknown) => console.warn('alias sync failed', e));
    return chain;
  };
  if (!started) {
    started = true;
    useAliasStore.subscribe((s, prev) => {
      if (s.aliases !== prev.aliases) void apply();
    });
  }
  return apply();
}
