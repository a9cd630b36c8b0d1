/**
 * The vocabulary: every closed list of words the app uses (dimensions, measures, modes, levels,
 * formats, sort orders, contract columns, query defaults) and the rules across them. Types, the
 * SQL whitelist, URL parsers, option lists and defaults are derived from here.
 */
export * from './contract';
export * from './modes';
export * from './outcomes';
export * from './pivot';
export * from './queries';
