import { exclusive, getEngine } from '../../../queries/engine';
import { holdsAliases, writeAliases } from '../../../p3dn/agency';
import { useAliasStore } from '../../../stores/alias-store';

let started = false;
let chain: Promise<void> = Promise.resolve();

/**
 * Write the persisted aliases into the engine now, and again whenever the user changes them. `registerCurrent`: the
 * data on the engine came with a register and cubes made by this app's core with the aliases the engine holds (a
 * snapshot that says so, or the sample just imported); when those are the user's aliases, nothing is matched again.
 */
export function startAliasSync(opts: { registerCurrent?: boolean } = {}): Promise<void> {
  let first = !started;
  const apply = () => {
    const trusted = first && opts.registerCurrent === true;
    first = false;
    chain = chain
      .then(() =>
        exclusive(async () => {
          const engine = await getEngine();
          const { aliases } = useAliasStore.getState();
          if (!(trusted && (await holdsAliases(engine, aliases)))) await writeAliases(engine, aliases);
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
