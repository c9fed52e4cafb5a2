import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runImport } from '../../src/cli/import';
import type { ImportReport } from '../../src/cli/import-report';
import { loadOrientation } from '../../src/knowledge/load-orientation';

const ROOT = resolve(__dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures/data-inclusion');
const NOW = new Date(2026, 10, 26, 10, 30); // 26 November 2026, local time

/** A temporary project root with a copy of knowledge/ (the demo territory included) and the fixtures in cwd. */
function tempProject(): { root: string; cwd: string } {
  const root = mkdtempSync(join(tmpdir(), 'relais-import-'));
  cpSync(join(ROOT, 'knowledge'), join(root, 'knowledge'), { recursive: true });
  const cwd = join(root, 'exports');
  cpSync(FIXTURES, cwd, { recursive: true });
  return { root, cwd };
}

function run(argv: string[], project = tempProject()) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = runImport(argv, {
    rootDir: project.root,
    cwd: project.cwd,
    now: NOW,
    stdout: (line) => stdout.push(line),
    stderr: (line) => stderr.push(line),
  });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n'), ...project };
}

const FILES = ['structures.json', 'services.json', 'api-page.json', 'v0-export.json'];
const directoryFiles = (root: string) => readdirSync(join(root, 'knowledge', 'directory')).sort();

describe('npm run import -- data-inclusion', () => {
  it('replaces the demo territory with a file that passes the start-up validation', () => {
    const { code, stdout, stderr, root } = run([
      'data-inclusion',
      ...FILES,
      '--territory-id',
      'saint-relais',
      '--territory-name',
      'Saint-Relais',
      '--replace',
    ]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain('read 17 records from 4 file(s): 8 structures, 9 services');
    expect(stdout).toContain('kept 5 structures and 5 services; rejected 3 structures, 4 services; 1 warning(s)');
    expect(stdout).toMatch(/^ {2}structures\.json\[3\] structure dora--9b1f3d22: nom: missing$/m);
    expect(stdout).toMatch(
      /^ {2}structures\.json\[2\] structure soliguide--40213: telephone "\+32 2 555 12 34" .*dropped$/m,
    );
    expect(stdout).toContain('removed ../knowledge/directory/demo-territory.yaml');
    expect(directoryFiles(root)).toEqual(['saint-relais.import-report.json', 'saint-relais.yaml']);

    const { directory, files } = loadOrientation(join(root, 'knowledge'), root);
    expect(files.directory).toBe('knowledge/directory/saint-relais.yaml');
    expect(directory.territory).toMatchObject({ id: 'saint-relais', name: 'Saint-Relais', demo: false, places: [] });
    expect(directory.structures).toHaveLength(5);
    expect(directory.services.map((s) => s.categories)).toEqual([
      ['ccas'],
      ['ccas'],
      ['france-services'],
      ['france-services'],
      [],
    ]);
    expect(directory.contacts_urgence).toEqual([]);

    const yaml = readFileSync(join(root, 'knowledge/directory/saint-relais.yaml'), 'utf8');
    expect(yaml).toMatch(/^# Imported from data·inclusion .* on 2026-11-26\n/);
    expect(yaml).toContain('reseaux_porteurs: [ccas-cias]');
  });

  it('writes the full report as JSON next to the territory file', () => {
    const { root } = run([
      'data-inclusion',
      ...FILES,
      '--territory-id',
      'saint-relais',
      '--territory-name',
      'Saint-Relais',
      '--replace',
    ]);
    const report = JSON.parse(
      readFileSync(join(root, 'knowledge/directory/saint-relais.import-report.json'), 'utf8'),
    ) as ImportReport;
    expect(report).toMatchObject({
      source: 'data-inclusion',
      generated_at: NOW.toISOString(),
      territory: { id: 'saint-relais', name: 'Saint-Relais' },
      output: '../knowledge/directory/saint-relais.yaml',
      inputs: [
        { file: 'structures.json', records: 6 },
        { file: 'services.json', records: 8 },
        { file: 'api-page.json', records: 1 },
        { file: 'v0-export.json', records: 2 },
      ],
      counts: { kept: { structures: 5, services: 5 }, rejected: { structure: 3, service: 4, unknown: 0 }, warnings: 1 },
    });
    expect(report.rejected).toContainEqual({
      record: 'services.json[7]',
      id: 'dora--svc-domiciliation',
      kind: 'service',
      reasons: ['id: duplicate of services.json[1]'],
    });
    expect(report.rejected.find((r) => r.id === 'dora--svc-orphelin')).toEqual({
      record: 'services.json[4]',
      id: 'dora--svc-orphelin',
      kind: 'service',
      reasons: ['structure_id: no structure "dora--structure-absente" in the imported records'],
    });
  });

  it('writes to --out and leaves knowledge/directory alone', () => {
    const { code, root, cwd } = run([
      'data-inclusion',
      ...FILES,
      '--territory-id',
      'saint-relais',
      '--territory-name',
      'Saint-Relais',
      '--out',
      'out/saint-relais.yaml',
    ]);
    expect(code).toBe(0);
    expect(directoryFiles(root)).toEqual(['demo-territory.yaml']);
    expect(readdirSync(join(cwd, 'out')).sort()).toEqual(['saint-relais.import-report.json', 'saint-relais.yaml']);
  });

  it('writes nothing without --out or --replace, and says where the file would go', () => {
    const { code, stderr, root } = run([
      'data-inclusion',
      ...FILES,
      '--territory-id',
      'saint-relais',
      '--territory-name',
      'Saint-Relais',
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^nothing written: the territory file would be \.\.\/knowledge\/directory\/saint-relais\.yaml; pass --out PATH, or --replace/,
    );
    expect(directoryFiles(root)).toEqual(['demo-territory.yaml']);
  });

  it('reports without writing on --dry-run, with no territory needed', () => {
    const { code, stdout, root, cwd } = run(['data-inclusion', 'structures.json', 'services.json', '--dry-run']);
    expect(code).toBe(0);
    expect(stdout).toContain('kept 3 structures and 4 services');
    expect(stdout).toMatch(/dry run: nothing written$/);
    expect(directoryFiles(root)).toEqual(['demo-territory.yaml']);
    expect(readdirSync(cwd).filter((name) => name.endsWith('.yaml'))).toEqual([]);
  });

  it('caps the rejected list on screen', () => {
    const project = tempProject();
    const bad = Array.from({ length: 25 }, (_, i) => ({ source: 'dora', id: `dora--x${i}`, date_maj: '2026-01-01' }));
    writeFileSync(join(project.cwd, 'bad.json'), JSON.stringify(bad));
    const { stdout } = run(['data-inclusion', 'bad.json', '--dry-run'], project);
    expect(stdout).toContain('rejected (first 20 of 25):');
    expect(stdout.split('\n').filter((line) => line.endsWith('nom: missing'))).toHaveLength(20);
  });

  it('leaves out the records of other départements with --departement, and says how many', () => {
    const project = tempProject();
    const structures = JSON.parse(readFileSync(join(project.cwd, 'structures.json'), 'utf8')) as object[];
    structures.push({ ...structures[0], id: 'dora--paris-15', code_insee: '75115', code_postal: '75015' });
    writeFileSync(join(project.cwd, 'structures.json'), JSON.stringify(structures));
    const services = JSON.parse(readFileSync(join(project.cwd, 'services.json'), 'utf8')) as object[];
    services.push({
      ...services[0],
      id: 'dora--svc-paris-15',
      structure_id: 'dora--paris-15',
      code_insee: undefined,
      code_postal: undefined,
    });
    writeFileSync(join(project.cwd, 'services.json'), JSON.stringify(services));

    const all = run(['data-inclusion', 'structures.json', 'services.json', '--dry-run'], project);
    expect(all.stdout).toContain('kept 4 structures and 5 services');
    const { code, stdout } = run(
      ['data-inclusion', 'structures.json', 'services.json', '--departement', '93', '--dry-run'],
      project,
    );
    expect(code).toBe(0);
    expect(stdout).toContain('left out 1 structures and 1 services outside département 93');
    expect(stdout).toContain('kept 3 structures and 4 services');
  });

  it('refuses a département code that does not exist', () => {
    const { code, stderr } = run(['data-inclusion', 'structures.json', '--departement', '96', '--dry-run']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^--departement "96" is not a département code/);
  });

  it('keeps places and contacts_urgence of a non-demo territory with the same id', () => {
    const project = tempProject();
    const path = join(project.root, 'knowledge/directory/demo-territory.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('demo: true', 'demo: false'));
    const before = loadOrientation(join(project.root, 'knowledge'), project.root).directory;
    const services = JSON.parse(readFileSync(join(project.cwd, 'services.json'), 'utf8')) as {
      zone_eligibilite?: string[];
    }[];
    services[0]!.zone_eligibilite = ['cite-des-tilleuls'];
    writeFileSync(join(project.cwd, 'services.json'), JSON.stringify(services));

    const { code, stdout } = run(['data-inclusion', 'structures.json', 'services.json', '--replace'], project);
    expect(code).toBe(0);
    expect(stdout).toContain(`contacts_urgence: kept ${before.contacts_urgence.length} contacts and 17 places`);
    expect(directoryFiles(project.root)).toEqual(['val-de-relais.import-report.json', 'val-de-relais.yaml']);
    const after = loadOrientation(join(project.root, 'knowledge'), project.root).directory;
    expect(after.territory).toEqual(before.territory);
    expect(after.contacts_urgence).toEqual(before.contacts_urgence);
    expect(after.services[0]?.zone_eligibilite).toEqual(['cite-des-tilleuls']);
  });

  describe('stops with a clear message and no stack trace', () => {
    const failing = (files: Record<string, string>, argv: string[]) => {
      const project = tempProject();
      for (const [name, text] of Object.entries(files)) writeFileSync(join(project.cwd, name), text);
      const result = run(argv, project);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(directoryFiles(project.root)).toEqual(['demo-territory.yaml']);
      return result;
    };
    const territory = ['--territory-id', 'saint-relais', '--territory-name', 'Saint-Relais', '--replace'];

    it('on invalid JSON', () => {
      const { code, stderr } = failing({ 'broken.json': '[{"id": "dora--1",' }, [
        'data-inclusion',
        'structures.json',
        'broken.json',
        ...territory,
      ]);
      expect(code).toBe(1);
      expect(stderr).toMatch(/^broken\.json: invalid JSON \(.+\)$/);
    });

    it('on an unreadable file', () => {
      const { code, stderr } = failing({}, ['data-inclusion', 'missing.json', ...territory]);
      expect(code).toBe(1);
      expect(stderr).toMatch(/^missing\.json: cannot read file \(ENOENT/);
    });

    it('on JSON that is not an export', () => {
      const { code, stderr } = failing({ 'other.json': '{"data": []}' }, [
        'data-inclusion',
        'other.json',
        ...territory,
      ]);
      expect(code).toBe(1);
      expect(stderr).toMatch(/^other\.json: expected a JSON array of records/);
    });

    it('when no structure can be kept', () => {
      const { code, stderr } = failing({ 'empty.json': '[]' }, ['data-inclusion', 'empty.json', ...territory]);
      expect(code).toBe(1);
      expect(stderr).toBe('no structure could be imported: nothing written');
    });

    it('on wrong arguments', () => {
      expect(failing({}, ['data-inclusion', 'structures.json', '--bogus']).code).toBe(2);
      expect(failing({}, ['soliguide', 'structures.json']).stderr).toMatch(/^unknown source "soliguide"/);
      expect(failing({}, ['data-inclusion']).stderr).toMatch(/^no FILE given\nusage: /);
      expect(failing({}, ['data-inclusion', 'structures.json', '--out', 'x.yaml', '--replace']).code).toBe(2);
      const demo = failing({}, ['data-inclusion', 'structures.json', '--replace']);
      expect(demo).toMatchObject({
        code: 2,
        stderr: expect.stringMatching(/^--territory-id is required: the current territory is a demo/),
      });
      expect(
        failing({}, ['data-inclusion', 'structures.json', '--territory-id', 'Saint Relais', '--replace']).stderr,
      ).toMatch(/must be kebab-case/);
      expect(
        failing({}, ['data-inclusion', 'structures.json', '--territory-id', 'saint-relais', '--replace']).stderr,
      ).toMatch(/^--territory-name is required for the new territory "saint-relais"/);
    });

    it('when the category rules are invalid, naming file and field', () => {
      const project = tempProject();
      writeFileSync(
        join(project.root, 'knowledge/data-inclusion-categories.yaml'),
        'rules:\n  - category: nope\n    reseaux_porteurs: [cmp]\n',
      );
      const { code, stderr } = run(['data-inclusion', 'structures.json', ...territory], project);
      expect(code).toBe(1);
      expect(stderr).toMatch(/^knowledge\/data-inclusion-categories\.yaml:2 at rules\.0\.category: /);
      expect(existsSync(join(project.root, 'knowledge/directory/saint-relais.yaml'))).toBe(false);
    });
  });
});
