import { describe, expect, it } from 'vitest';
import { findRollbackWarnings } from '../../src/kb/rollback.js';

describe('rollback warnings (survey §5)', () => {
  it.each([
    [
      'a rollback floor with the one-way upgrade around it',
      'NOTE: When you start this version of the information store, the databases are automatically upgraded to a new format. After the databases have been upgraded, you can restore an earlier version of the Store.exe file, but only if it is version 5.5.2651.32 or later.',
      { file: 'Store.exe', minVersion: '5.5.2651.32' },
    ],
    [
      'a floor stated as "earlier than version"',
      'If you restore a Store.exe file earlier than version 5.5.2652.68, you cannot start the information store.',
      { file: 'Store.exe', minVersion: '5.5.2652.68' },
    ],
    ['a one-way database upgrade', 'The database is upgraded automatically; after that the databases are converted to the new format.', {}],
    ['a service pack that cannot be uninstalled', 'Once Service Pack 4 is applied you cannot go back to the earlier service pack.', {}],
    ['a fix that cannot be removed', 'This hotfix cannot be uninstalled.', {}],
    ['a service pack to reapply', 'If you add components later, you will need to reapply the service pack.', {}],
    ['a runtime that cannot be removed', 'DirectX runtime cannot be removed without reinstalling your operating system.', {}],
    ['older libraries left by other software', 'NOTE: Even if you have applied the service pack, it is possible to have some older dynamic-link libraries (DLLs) if you have installed other software that has replaced them.', {}],
    ['older files put back', 'NOTE: Do not restore the previous sound and video drivers unless they are incompatible.', {}],
  ])('reads %s', (_name, prose, fields) => {
    const warnings = findRollbackWarnings(prose);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toEqual({ text: prose, ...fields });
  });

  it('reads a warning printed twice once', () => {
    expect(findRollbackWarnings('This hotfix cannot be uninstalled. Restart. This hotfix cannot be uninstalled.')).toEqual([{ text: 'This hotfix cannot be uninstalled.' }]);
  });

  it('keeps separate warnings apart and leaves other sentences out', () => {
    const prose =
      'This update cannot be uninstalled. Then restart. You must reapply Service Pack 4 after adding components. For more information, see Q244976.';
    expect(findRollbackWarnings(prose).map((w) => w.text)).toEqual([
      'This update cannot be uninstalled.',
      'You must reapply Service Pack 4 after adding components.',
    ]);
  });

  it.each([
    ['prose without a warning', 'Restart the computer. The problem no longer occurs.'],
    ['a driver older than a version (a cause, not a rollback)', 'This issue occurs if you use a driver that is earlier than version 5.1.0.49979.'],
    ['an object that cannot be removed', 'The directory cannot be removed. After you make your choice, you cannot go back and choose again.'],
    ['a backup to take first (issue 8)', 'Back up the entire SMS site server before applying the hotfix.'],
    ['setup mechanics (issue 8)', 'The hotfix creates an $NtUninstallQ185951$ folder. Setup removes the old files.'],
    ['messages that cannot be removed', 'These NDRs cannot be removed from Admin.exe.'],
    ['a previous driver offered as an option', 'You can use the DirectX Setup tool to restore the previous driver.'],
  ])('finds nothing in %s', (_name, prose) => {
    expect(findRollbackWarnings(prose)).toEqual([]);
  });
});

describe('rollback warnings read from fresh archive phrasings (issue 8)', () => {
  it.each([
    ['packs to reapply, in the plural', 'NOTE: Remember to reapply any service packs applied in the previous installation.'],
    ['an older release installed over a newer one', 'Do not install version 1 of Widget Services after you install version 2.'],
    ['older versions not to be installed', 'Do not install older versions of WidgetGuard on the same computer.'],
    ['an older library that causes problems', 'NOTE: When you install an older version of the Widget32.dll file, you may cause problems with other programs.'],
    ['a library overwritten with an earlier one', 'The pack installation program has overwritten the Widaut32.dll file with an earlier version.'],
    ['a pack\'s file put back to the original', 'Replace the Widip.sys file installed by the service pack with the original version of the file.'],
    ['a pack to reapply, named before the verb', 'NOTE: If a Widget NT service pack has been applied, you will need to reapply it after reinstalling the widget service.'],
    ['no way back to an older file', 'After the upgrade, the server cannot be restored to any older version of the Widstore.exe file.'],
    ['the older file taken when setup asks', 'NOTE: If you receive a message stating that the Widmapi file being installed is older than the file currently installed on your computer, install the older version of the file.'],
  ])('reads %s', (_name, prose) => {
    expect(findRollbackWarnings(prose).map((w) => w.text)).toEqual([prose]);
  });

  it.each([
    ['an install order', 'Remove the previous installation before reapplying a hotfix.'],
    ['settings to redo', 'If your changes to the console file were deleted, you must reapply those changes.'],
    ['software that updates itself', 'This installation removes old files and installs software that will be automatically upgraded in the future.'],
    ['a pack said not to need reapplying', 'If the connector is the only component added, you do not need to re-apply any service packs.'],
    ['setup putting the newer file in place', 'If the installed file is an earlier version of the file to be installed, Setup replaces the installed file with the newer version.'],
    ['a setup message quoted as a symptom', 'Setup generates the following message: A file being copied is older than the file currently on your computer.'],
  ])('finds no warning in %s', (_name, prose) => {
    expect(findRollbackWarnings(prose)).toEqual([]);
  });
});

describe('rollback warnings from a random archive draw (issue 8, second pass)', () => {
  it.each([
    ['a fix not to be uninstalled', 'Because this hotfix changes how the widget data is stored on disk, Microsoft does not recommend that it be uninstalled.'],
    ['a pack that must be reapplied, said of the pack', 'If Widget Server is reinstalled, Service Pack 5 must be reapplied as well.'],
    ['the most recent pack to reapply', 'If this does not correct the problem, re-apply the most recent Microsoft Widget Mail Server service pack.'],
    ['a runtime to reinstall after an older one went over it', 'If the Widget 1.0 installer overwrites Widget 2.0, you must reinstall the program that installed Widget 2.0.'],
    ['a versioned component to reinstall', 'After you upgrade, you must reinstall WidgetDB 3.0.'],
    ['a database converted to a new format', 'When the service starts, the databases are converted to the new format.'],
    ['no way back to the previous release', 'You cannot use the Widget 6 Uninstall disk to restore your previous version of Widget-DOS if you have compressed any drives.'],
    ['installed binaries that cannot be removed', 'After Alpha binary files have been installed on a site, those binary files cannot be removed by Setup or by any other means.'],
    ['a pack that cannot be uninstalled, named after the verb', 'If the boot drive is formatted with a compressed file system, you can\'t uninstall SP4.'],
    ['a release that cannot be uninstalled', 'As a result, you cannot uninstall Widget-DOS 6.22.'],
    ['a pack that cannot be uninstalled after another setup', 'You cannot uninstall Widget Site Server 3.0 Service Pack 2 if you installed it by using Widget Office Setup.'],
    ['older files not to restore', 'Do not restore older versions of Widget-DOS files.'],
    ['a pack to re-apply, named before as "it"', 'If a service pack has been applied to Widget Server, you must re-apply it.'],
    ['older components put over newer ones, told as a cause', 'This behavior is caused by the Widget Option Pack overwriting some newer SP4 components with older Widget Option Pack components.'],
    ['a pack not reapplied, told as a cause', 'This behavior can occur if you install RAS on a computer that has Service Pack 4 installed but do not then reapply SP4.'],
    ['"current or latest" pack to reapply', 'Reapply the current or latest service pack.'],
  ])('reads %s', (_name, prose) => {
    expect(findRollbackWarnings(prose).map((w) => w.text)).toEqual([prose]);
  });

  it.each([
    ['a backup that lets you restore the original', 'Caution: Always back up your WIDGET.INI file before you make changes, so that you can restore the original file in case you damage it.'],
    ['a database converted as a step', 'After the widget database is converted successfully, the widget service restarts.'],
    ['a program to reinstall', 'If you delete the Windows folder, you must reinstall all your Windows-based programs.'],
    ['a product to reinstall after a rename', 'If you change the organization name, you must reinstall Widget Server on all servers.'],
    ['a reapplied pack told as a symptom', 'If you reinstall Widget Service Pack 3, you may see the following error message in Event Viewer.'],
    ['a reapplied pack told as a cause', 'This behavior can occur if you reinstall Service Pack 3 when Widget Browser 4.01 is installed.'],
    ['a trying-to-reapply symptom', 'When you attempt to reapply Service Pack 5 from the CD-ROM, you may be repeatedly prompted for the disc.'],
    ['two events joined by "or"', 'This log is appended each time that Widget Server is reinstalled or a Widget Server service pack is applied.'],
    ['log files not to restore (a backup restore, not a version)', 'Do not restore any Wdb*.log files.'],
    ['a step spared', 'This procedure updates the folders to the latest service pack without your having to reinstall Widget Server and all the service packs.'],
    ['a choice joined by "or"', 'Either reinstall in separate directories or update from this version of Widget Assembler.'],
    ['a previous driver to restore when something fails', 'If you cannot start Widgets after you install WidgetX, restore your previous sound and video drivers.'],
    ['files a service cannot uninstall while in use', 'The service cannot uninstall files that are being used because the service is still running.'],
    ['a switch list', 'The package supports the following switches: -y Perform uninstall (only with -m) -n Do not create uninstall directory -z Do not reboot when the update completes.'],
    ['an uninstall option not needed', "If you don't need to be able to uninstall Widgets 95 later, choose No."],
    ['an uninstall order', 'If you do not uninstall Widget Browser before reinstalling Widgets 95, you receive error messages.'],
  ])('finds no warning in %s', (_name, prose) => {
    expect(findRollbackWarnings(prose)).toEqual([]);
  });
});

describe('a pack installed again in an article about its own installation (issue 8)', () => {
  it.each([
    ['an install that stopped', 'Widget Server 5.5 SP1 Installation Stops', 'Stop all widget services and then reinstall the service pack.'],
    ['an upgrade that broke a service', 'Directory Does Not Start After Service Pack Upgrade', 'After this is done, reapply the Widget Server Service Pack.'],
    ['an update that failed', 'Access Denied During Service Pack Update 0xc0020005', 'When all the services start, you will need to reinstall Service Pack 2.'],
  ])('reads no warning in %s: the install is retried', (_name, title, prose) => {
    expect(findRollbackWarnings(prose, title)).toEqual([]);
  });

  it.each([
    ['a pack named in a title about another install', 'Option Pack Installation Conflicts with Service Pack 4', 'Reinstall the service pack after completing the Option Pack installation.'],
    ['a title about something else', 'Widgets Do Not Start After Adding a Protocol', 'Reapply the latest service pack.'],
  ])('still reads the reapply warning in %s', (_name, title, prose) => {
    expect(findRollbackWarnings(prose, title).map((w) => w.text)).toEqual([prose]);
  });

  it('keeps other warnings in an article about the pack\'s install', () => {
    expect(findRollbackWarnings('This service pack cannot be uninstalled.', 'Widget SP2 Setup Fails').map((w) => w.text)).toEqual(['This service pack cannot be uninstalled.']);
  });
});

describe('older copies put back by other software, and originals an uninstall does not put back (issue 8, third pass)', () => {
  it.each([
    ['older programs installing an old runtime', 'Some older programs install an old version of the 16-bit Widget runtimes.'],
    ['a setup program installing an earlier file', 'This problem occurs because the Widget 1994 installation program installs an earlier version of WIDGET.VBX in the Windows directory.'],
    ['older software overwriting a library', 'When you install older versions of database software, the existing Widget32.dll file may be overwritten.'],
    ['a replacement file that may be older', 'If the programs are successful, the replacement .DLL file may be an older version specific to Widgets 95.'],
    ['an uninstall that leaves newer files', 'If you uninstall the Widget 2.1 driver set, some files may not be replaced with the original versions.'],
    ['originals not restored', 'NOTE: Failure to restore the original files may render WidgetDisk unusable.'],
  ])('reads %s', (_name, prose) => {
    expect(findRollbackWarnings(prose).map((w) => w.text)).toEqual([prose]);
  });

  it.each([
    ['a reader installing an earlier version (a how-to)', 'To install an earlier version of Widget Word, run Setup from the original disks.'],
    ['an older version named, nothing put back', 'Older versions of Widget may not print correctly without a ROM upgrade.'],
    ['an uninstall that removes everything', 'If you uninstall Widget, all of its files are removed.'],
  ])('finds no warning in %s', (_name, prose) => {
    expect(findRollbackWarnings(prose)).toEqual([]);
  });
});

describe('the file of a warning said in the sentence after it (issue 8, third pass)', () => {
  it.each([
    ['a file named by the next sentence pointing back', 'If Widget Server shares the machine, reapply Widget Server 3.0 SP1. This will reapply the WIDGREG.DLL file. Restart.', 'WIDGREG.DLL'],
    ['no file from a next sentence that starts another fact', 'If Widget Server shares the machine, reapply Widget Server 3.0 SP1. Setup copies WIDGREG.DLL to the folder.', undefined],
  ])('reads %s', (_name, prose, file) => {
    const [warning] = findRollbackWarnings(prose);
    expect(warning?.file).toBe(file);
  });
});

describe('an older file that setup compares is not a warning (issue 8, third pass)', () => {
  it.each([
    ['setup\'s prompt', 'Proposed file: Version 3.10 The replacement file is an older version than your current file.'],
    ['setup keeping the newer file', 'Reinstalling Widget Mail does not replace the Wapi.dll file because the Widget Mail version is an older version.'],
  ])('finds no warning in %s', (_name, prose) => {
    expect(findRollbackWarnings(prose)).toEqual([]);
  });
});

describe('older files that stop working, and packs run again to undo or rebuild (issue 8, batch 6)', () => {
  it.each([
    ['older files that cannot read what the fix changed', 'Due to changes in the security hive, Widsrv.dll and Widlogon.exe have changed and previous versions of these files cannot access the system security information.', { file: 'Widsrv.dll' }],
    ['a fix with no way to uninstall it', 'Although this directory was created, there is no way to uninstall the hotfix.', {}],
  ])('reads %s', (_name, prose, fields) => {
    expect(findRollbackWarnings(prose)).toEqual([{ text: prose, ...fields }]);
  });

  it.each([
    ['the pack run again to take it off', 'If an administrator can log on, then rerun the Service Pack Update utility and uninstall the Service Pack.'],
    ['a rebuild at an older pack level', 'Then remove Widget Server 5.5 from ServerA and reinstall 4.0 Service Pack 4, and then restore the database.'],
    ['an install moved elsewhere', 'Uninstall the router and reinstall the update on a different server.'],
    ['something else that cannot be removed after an upgrade', 'After you upgrade to Widget OS 2000, you may be unable to remove and reassign your server certificate.'],
    ['older versions that are only mentioned', 'Older versions of the Widget driver can be used in AT mode.'],
    ['an installer that cannot clean up older copies', 'However, the Installer cannot remove older versions if you have renamed them.'],
  ])('finds no warning in %s', (_name, prose) => {
    expect(findRollbackWarnings(prose)).toEqual([]);
  });

  it.each([
    ['a pack to reapply after a reinstall of something else', 'To replace this file, uninstall and reinstall the Widget Option Pack, and reapply the latest service pack.'],
    ['a pack to reapply after the component is put back', 'To resolve this behavior, remove Widget Web Access, and then reinstall it and reapply the service pack.'],
    ['a pack named as what cannot be removed', 'A. No, you cannot remove Service Pack 6.'],
  ])('still reads %s', (_name, prose) => {
    expect(findRollbackWarnings(prose)).toEqual([{ text: prose }]);
  });
});
