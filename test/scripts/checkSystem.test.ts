import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { installCommand, planSystem, SYSTEM_PARTS } from '../../scripts/check-system';

const ROOT = path.join(__dirname, '..', '..');

describe('the system check before npm test', () => {
  it('names every system part the tests drive, by its Debian package', () => {
    expect(SYSTEM_PARTS.map((part) => part.package)).toEqual([
      'chromium',
      'libreoffice-calc',
      'libreoffice-writer',
      'libreoffice-base',
      'python3-uno',
    ]);
  });

  it.each([
    [[], true, true, { action: 'ready' }],
    [['python3-uno'], true, true, { action: 'install', packages: ['python3-uno'] }],
    [
      ['libreoffice-writer', 'python3-uno'],
      false,
      false,
      {
        action: 'stop',
        packages: ['libreoffice-writer', 'python3-uno'],
        command: 'sudo apt-get install -y --no-install-recommends libreoffice-writer python3-uno',
      },
    ],
  ] as const)('missing %j, may install %p, root %p: %j', (missing, mayInstall, asRoot, plan) => {
    expect(planSystem([...missing], mayInstall, asRoot)).toEqual(plan);
  });

  it('gives root the command without sudo', () => {
    expect(installCommand(['chromium'], true)).toBe('apt-get install -y --no-install-recommends chromium');
  });

  it('stops at once with the one command to run when a part is missing and it may not install', () => {
    // Without a PATH there is no soffice (and no dpkg-query): LibreOffice Calc counts as missing.
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'scripts', 'check-system.ts')],
      {
        cwd: ROOT,
        env: { PATH: '', KAMPAGNE_NO_INSTALL: '1' },
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('libreoffice-calc: .xlsx und CSV in LibreOffice Calc');
    expect(run.stderr).toMatch(
      /Bitte einmal ausführen:\n {2}(sudo )?apt-get install -y --no-install-recommends libreoffice-calc\n$/,
    );
  });
});
