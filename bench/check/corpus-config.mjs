// The docdrift config for ../shared/corpus/ (see its README: published sites,
// services, public/Swiss variant repositories, the 2020 Markdown export).
// Paths are absolute, so the config can live anywhere (it is written to out/).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const SERVICES = [
  { repo: 'vpc-endpoint', export: 'vpcep' },
  { repo: 'direct-connect', export: 'dc' },
  { repo: 'cloud-trace-service', export: 'cts' },
];

export function corpusConfig(corpus) {
  const abs = (p) => resolve(corpus, p);
  return {
    sites: SERVICES.flatMap((s) => [
      { root: abs(`opentelekomcloud-docs+${s.repo}`), baseUrl: `https://docs.otc.t-systems.com/${s.repo}/` },
      { root: abs(`opentelekomcloud-docs-swiss+${s.repo}`), baseUrl: `https://docs.sc.otc.t-systems.com/${s.repo}/` },
    ]),
    variants: SERVICES.map((s) => ({
      public: abs(`opentelekomcloud-docs+${s.repo}`),
      swiss: abs(`opentelekomcloud-docs-swiss+${s.repo}`),
      export: abs(`opentelekomcloud+docs/doc/source/${s.export}`),
    })),
  };
}

export function writeCorpusConfig(corpus, outDir) {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'corpus.config.json');
  writeFileSync(file, JSON.stringify(corpusConfig(corpus), null, 2) + '\n');
  return file;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const corpus = resolve(process.argv[2] ?? new URL('../../../shared/corpus', import.meta.url).pathname);
  console.log(writeCorpusConfig(corpus, new URL('./out', import.meta.url).pathname));
}
