/** The import pipeline's dependencies under Node: the real parser, the package's regions, parquet-wasm's Node build. */
import * as pq from 'parquet-wasm/node';
import { regionIndex } from '../../cli/lib/regions';
import type { ProcessDeps } from '../../src/import/process';
import { parseReport } from '../../src/parser/parse';

export const nodeDeps: ProcessDeps = {
  parseReport,
  regionIndex,
  parserVersion: 'test',
  encodeParquet: (ipc) => pq.writeParquet(pq.Table.fromIPCStream(ipc)),
  decodeParquet: (bytes) => pq.readParquet(bytes).intoIPCStream(),
};
