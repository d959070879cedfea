import { exclusive, getEngine } from '../../../queries/engine';
import { writeAliases, type AliasEntry } from '../../../p3dn/agency';
import { useAliasStore } from '../../../stores/alias-store';

let started = false;
let chain: Promise<void> = Promise.resolve();

/**
 * Write the persisted aliases into the engine now, and again whenever the user changes them. `aliasesHeld`: the
 * alias list the start found the engine's register and cubes made with (a snapshot of this app's core, or the sample
 * just imported: src/features/dataset/api/persistence.ts); while it is still the user's list, nothing is written or
 * matched again at start.
 */
export function startAliasSync(opts: { aliasesHeld?: readonly AliasEntry[] | null } = {}): Promise<void> {
  let first = !started;
  const apply = () => {
    const held = first ? opts.aliasesHeld : null;
    first = false;
    chain = chain
      .then(() =>
        exclusive(async () => {
          const { aliases } = useAliasStore.getState();
          if (held !== aliases) await writeAliases(await getEngine(), aliases);
          useAliasStore.getState().applied();
        }),
      )
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
