/** Settings every engine runs at start: offline, deterministic, no extension downloads. */
export const ENGINE_INIT_SQL = [
  'SET autoload_known_extensions = false',
  'SET autoinstall_known_extensions = false',
];
