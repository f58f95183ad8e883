import { describe, expect, it } from 'vitest';
import { classifyFix, designStatus, numberedSteps, strayStatus, versionNamed } from '../../src/kb/fix.js';

const fix = (prose: string, workaround = '') => classifyFix({ prose, workaround });

describe('fix availability phrasings (survey §6)', () => {
  it.each([
    ['hotfix', 'A supported fix is now available from Microsoft, but it is only intended to correct the problem described in this article.'],
    ['hotfix', 'To resolve this problem immediately, contact Microsoft Product Support Services to obtain the hotfix.'],
    ['hotfix', 'This fix is available as a hotfix for Windows NT 4.0.'],
    ['service-pack', 'To resolve this problem, obtain the latest service pack for Windows NT 4.0.'],
    ['service-pack', 'This problem was first corrected in Exchange Server 5.5 Service Pack 4.'],
    ['service-pack', 'This problem was corrected in Word 97 for Windows Service Release 1 (SR-1).'],
    ['service-pack', 'For information on obtaining the Service Pack, query on the following word in the Microsoft Knowledge Base: S E R V P A C K'],
    ['service-pack', 'This fix is included in Service Pack 2.'],
    ['update', 'The updated driver is available for download from the Microsoft Download Center.'],
    ['update', 'The following file is available in the Microsoft Software Library.'],
    ['upgrade', 'This problem was corrected in Microsoft FoxPro version 2.6 for Windows.'],
    ['upgrade', 'This problem no longer occurs in Microsoft Excel 97.'],
    ['upgrade', 'To resolve this problem, upgrade to version 3.0.'],
    ['upgrade', 'This problem has been fixed in Visual Widget 5.0 for Windows.'],
    ['not-yet', 'This problem is still under investigation.'],
    ['none', 'This is a limitation of the watch firmware.'],
    ['none', 'This behavior is caused by a limitation in the printer driver.'],
    ['workaround', 'To work around this problem, restart the service.'],
    ['workaround', 'As a workaround, turn off background printing.'],
    ['none', 'This behavior is by design.'],
    ['not-yet', 'Microsoft is researching this problem and will post new information here as it becomes available.'],
    ['not-yet', 'A fix to this problem is in development, but has not been regression-tested.'],
    ['none', 'This is by product design.'],
    ['none', 'This is not a bug; it is a product limitation.'],
    ['unknown', 'Microsoft has confirmed this to be a problem in Windows NT 4.0.'],
    ['unknown', ''],
    ['unknown', 'Windows updates the list periodically.'],
  ])('classifies as %s: "%s"', (kind, prose) => {
    const result = fix(prose);
    expect(result.kind).toBe(kind);
    if (kind !== 'unknown') expect(result.summary).toBe(prose);
  });

  it('ranks a hotfix above the service pack it will ship in, and still names the pack', () => {
    const result = fix(
      'A supported fix is now available from Microsoft. Microsoft recommends that you wait for the next Exchange Server 5.5 service pack that contains this fix.',
    );
    expect(result).toMatchObject({ kind: 'hotfix', servicePack: 'next Exchange Server 5.5 service pack' });
  });

  it.each([
    ['This problem was first corrected in Exchange Server 5.5 Service Pack 4.', 'Exchange Server 5.5 Service Pack 4'],
    ['This problem was corrected in the latest Microsoft Windows NT 4.0 U.S. Service Pack.', 'latest Microsoft Windows NT 4.0 U.S. Service Pack'],
    ['To resolve this problem, obtain the latest service pack for SNA Server 4.0. This problem was first corrected in SNA Server 4.0 Service Pack 4.', 'SNA Server 4.0 Service Pack 4'],
    ['This problem was fixed in SP3.', 'Service Pack 3'],
    ['This problem has been corrected in the latest U.S. Service Pack for Windows NT version 3.5.', 'latest U.S. Service Pack for Windows NT version 3.5'],
    ['Apply Windows NT 3.1 Service Pack 3 and Compaq Support Software.', 'Windows NT 3.1 Service Pack 3'],
  ])('names the service pack in "%s"', (prose, servicePack) => {
    expect(fix(prose).servicePack).toBe(servicePack);
  });

  it('reads a RESOLUTION that calls itself a workaround as one, not as a change of settings', () => {
    const resolution = 'The following workaround avoids setting up two data sources. Use the following commands to set each packet size.';
    const result = classifyFix({ prose: `${resolution} This behavior is by design.`, workaround: '', resolution });
    expect(result).toMatchObject({ kind: 'none', also: ['workaround'] });
  });

  it('reads "install the current version" as the upgrade, not as a change of settings', () => {
    const result = fix('This problem no longer occurs in Widget 98. To resolve this problem, install the current version of Widget.');
    expect(result.kind).toBe('upgrade');
    expect(result.also).toBeUndefined();
  });

  it('takes no carrier from a WORKAROUND: a pack it takes files from does not fix the problem', () => {
    const workaround = 'To work around this problem, follow these steps. Installation Instructions for Widget Server 1.1 Service Pack 1 1. From the expanded copy of Widget Server 1.1 Service Pack 1, copy the file.';
    const result = classifyFix({ prose: `Microsoft has confirmed this to be a problem. ${workaround}`, workaround });
    expect(result).toMatchObject({ kind: 'workaround', carriers: [] });
  });

  it('names the fixing product version', () => {
    expect(fix('This problem was corrected in Microsoft FoxPro version 2.6 for Windows.').version).toBe('Microsoft FoxPro version 2.6');
  });

  it('counts a WORKAROUND section as a workaround when nothing stronger is said', () => {
    expect(fix('Microsoft has confirmed this to be a problem.', 'Restart the server. Then retry.')).toMatchObject({
      kind: 'workaround',
      summary: 'Restart the server.',
    });
  });

  it('does not take the pack from a sentence saying it cannot be uninstalled', () => {
    expect(fix('Service Pack 6 cannot be uninstalled after you apply it.').servicePack).toBeUndefined();
  });
});

describe('fix availability as the article states it (issue 8)', () => {
  it('takes a RESOLUTION that names no pack, fix or download as a configuration change, and counts its steps', () => {
    const resolution = 'To resolve this problem, follow these steps: 1. Start Registry Editor. 2. Locate the key. 3. Set the value to 0. 4. Quit Registry Editor.';
    const result = classifyFix({ prose: resolution, workaround: '', resolution });
    expect(result).toMatchObject({ kind: 'configuration', summary: 'To resolve this problem, follow these steps:', steps: { count: 4, first: ['Start Registry Editor.', 'Locate the key.'] } });
  });

  it('never names an affected version or a pack to reapply as the carrier', () => {
    const prose = 'Microsoft has confirmed this to be a problem in Windows NT version 4.0 Service Pack 3. This problem was first corrected in Exchange Server 5.5 Service Pack 2. You must reapply Service Pack 3 after adding components.';
    expect(fix(prose).carriers).toEqual(['Exchange Server 5.5 Service Pack 2']);
  });

  it('names no carrier for a pack that is not out yet, and keeps the hotfix first', () => {
    const result = fix('A supported fix is now available. Microsoft recommends that you wait for the next Exchange Server 5.5 service pack that contains this fix.');
    expect(result.kind).toBe('hotfix');
    expect(result.carriers).toEqual([]);
  });

  it('reads a list of post-SP4 fixes as fixes released after SP4, not as SP4', () => {
    const result = fix('The following post-SP4 hotfixes are available. This problem was first corrected in Windows NT 4.0 Service Pack 5.');
    expect(result.after).toBe('SP4'.replace(/^SP/, 'Service Pack '));
    expect(result.carriers).toEqual(['Windows NT 4.0 Service Pack 5']);
  });

  it.each([
    ['an edition after a comma and a pack numbered 4.0 (pack 4)', 'This problem was first corrected in Widget NT 4.0 Service Pack 4.0 and Widget NT Server 4.0, Terminal Server Edition Service Pack 4.', ['Widget NT 4.0 Service Pack 4', 'Widget NT Server 4.0, Terminal Server Edition Service Pack 4']],
    ['the package, not the files of its table', 'This fix should have the following time stamp: Dispatch.exe 7/10/98 5:39p 85,245 bytes Import.exe 7/10/98 5:39p 205,905 bytes This hotfix has been posted to the following Internet location as Widy2k.exe: ftp://ftp.example.invalid/fixes/', ['Widy2k.exe']],
    ['the later version it does not occur in', 'We are researching this problem. This problem does not occur in Widget Server version 5.0.', ['Widget Server version 5.0']],
    ['a numbered pack written in lower case', 'A supported fix is now available. Microsoft recommends that you wait for the next Widget Server version 4.0 service pack 3 that contains this feature.', ['Widget Server version 4.0 service pack 3']],
    ['the pack in which the behaviour is no longer seen', 'This behavior is by design. Please note that in Widget Studio 6.0 SP3 for Widget Pro, the resource file is no longer created or loaded by the runtime.', ['Widget Studio 6.0 SP3']],
    ['one release of two editions joined by "or"', 'Microsoft has confirmed this to be a problem in Widget NT version 3.5. This problem was corrected in Widget NT Workstation or Server version 4.0.', ['Widget NT Workstation or Server version 4.0']],
    ['two numbered releases joined by "or"', 'This problem was corrected in Widget 95 or Widget 98.', ['Widget 95', 'Widget 98']],
    ['an edition written small before its version', 'This bug was corrected in Widget C++, 32-bit edition, version 4.1.', ['Widget C++ 32-bit edition version 4.1']],
    ['no spelled-out query word read into the next pack', 'This problem was corrected in Widget Server 4.0 U.S. Service Pack 4. For information, query on the following word (without the spaces): S E R V P A C K In Widget Service Pack 4 (SP4), these files are not installed by Setup.', ['Widget Server 4.0 U.S. Service Pack 4']],
    ['a pack to apply where the product is not installed', 'To resolve the error, apply Widget 5.0 Service Pack 1 to the computer running IIS, even though Widget Server is not installed on this computer.', ['Widget 5.0 Service Pack 1']],
    ['no pack that is a condition of a step', 'To resolve this problem, delete the mapping. If SP4 is installed, you can use the NBTSTAT -RR command to re-register it.', []],
    // rules/fix-carrier.txt [not-fixed]: a release said not to fix the problem carries nothing.
    ['no pack said not to fix it', 'Microsoft has confirmed that this is a bug. The Widget Studio 6.0 Service Pack 3 readme erroneously lists this bug as being fixed. Service Pack 3 did not fix this bug.', []],
    ['no pack said to leave it unfixed', 'This problem is not corrected in Widget Server 2.0 Service Pack 1. This problem was corrected in Widget Server 2.0 Service Pack 2.', ['Widget Server 2.0 Service Pack 2']],
    ['the release a sentence says fixed it, beside one it says did not', 'This problem was fixed in Widget C++ 2.2, but has not been fixed in the 16-bit version of our compiler.', ['Widget C++ 2.2']],
    ['the pack to install when a step does not fix it', 'If this does not fix the problem, then install Service Pack 2 for Widget NT 4.0.', ['Service Pack 2 for Widget NT 4.0']],
    // [not-reproduced]: the numbered release the problem is not reproducible in, as "does not occur in".
    ['the release it is not reproducible in, its edition after commas', 'Microsoft has confirmed this to be a bug. This problem was not reproducible in Microsoft Widget C++, 32-bit Edition, version 4.0.', ['Microsoft Widget C++ 32-bit Edition version 4.0']],
    ['the release it cannot be reproduced with, no "version"', 'This problem cannot be reproduced with Widget 95.', ['Widget 95']],
    ['no release when none numbered is named', 'The problem described above could not be reproduced with WIDGETBACKUP and files of any size.', []],
    // [recommends-release]: a release a vendor recommends moving to, not the product it is used with.
    ['the release a vendor recommends', 'Acme recommends using Acme Ledger Accounting Software version 7.1 with Widget DOS 5.0.', ['Acme Ledger Accounting Software version 7.1']],
    ['the recommended release after "that you use"', 'Microsoft recommends that you use Widget Server version 2.11 on all Widget NT systems.', ['Widget Server version 2.11']],
    // A WORKAROUND names no carrier, unless it says the problem itself is fixed there.
    ['the pack a workaround says fixes the problem', { prose: 'This problem has been fixed in the new Widget.sys file available in Widget NT 4.0 Service Pack 2 and later. Microsoft has confirmed this to be a problem.', workaround: 'This problem has been fixed in the new Widget.sys file available in Widget NT 4.0 Service Pack 2 and later.' }, ['Widget NT 4.0 Service Pack 2']],
    ['no pack a workaround takes files from', { prose: 'To work around this problem, install Widget.sys from the Widget NT 4.0 Service Pack 2 disk.', workaround: 'To work around this problem, install Widget.sys from the Widget NT 4.0 Service Pack 2 disk.' }, []],
    ['no release a workaround says a fix is still to come in', { prose: 'To work around this problem, redirect to another page. However, until this bug is fixed in Widget Acceptor 2.0, the page cannot read Session data.', workaround: 'To work around this problem, redirect to another page. However, until this bug is fixed in Widget Acceptor 2.0, the page cannot read Session data.' }, []],
    ['an edition written small before "versions"', 'This problem has been fixed in Microsoft Widget C++ 32-bit edition, versions 2.0 and 2.1.', ['Microsoft Widget C++ 32-bit edition versions 2.0']],
    ['a package named after its article without the Q', 'The following file is available for download from the Microsoft Download Center: DownloadDownload 248838i.exe now', ['248838i.exe']],
    ['no recommended tool or method, only a recommended release', 'Microsoft recommends using WIDGET386.EXE instead. Microsoft recommends that you use Method 1 or Method 2 to resolve this issue.', []],
    // "version" between a service release and its number.
    ['a service release numbered after "version"', 'To resolve this issue, contact your computer manufacturer to obtain the Widget 95 OEM Service Release version 2.1 update.', ['Widget 95 OEM Service Release 2.1']],
  ])('names the carriers as printed: %s', (_what, text, carriers) => {
    expect((typeof text === 'string' ? fix(text) : fix(text.prose, text.workaround)).carriers).toEqual(carriers);
  });

  it('reads a pack to apply again after a hotfix, and a pointer to how to obtain packs, as no service-pack fix', () => {
    const prose = 'A supported fix is now available from Microsoft. When the installation process is finished, apply the latest service pack for Widget Server 5.5, even if it was already applied previously. For additional information about how to obtain the latest service pack for Widget Server 5.5, click the article number below.';
    expect(fix(prose)).toMatchObject({ kind: 'hotfix', carriers: [] });
  });

  it('names the package and the fixing product', () => {
    expect(fix('This problem has been fixed in the Microsoft FrontPage 2000 Server Extensions.').carriers).toEqual(['Microsoft FrontPage 2000 Server Extensions']);
    expect(fix('To resolve this issue, download the latest version of DirectX from the Microsoft Web site.').carriers).toEqual(['latest version of DirectX']);
    expect(classifyFix({ prose: 'A supported fix is now available.', workaround: '', body: 'Run Q248838engi.exe to install it.' }).carriers).toEqual(['Q248838engi.exe']);
  });

  it('leaves no summary cut at "follow these steps: 1."', () => {
    const workaround = 'To work around this problem, follow these steps: 1. Stop the service. 2. Restart it.';
    expect(classifyFix({ prose: workaround, workaround }).summary).toBe('To work around this problem, follow these steps:');
  });
});

describe('fix kinds read from fresh archive phrasings (issue 8, fix line)', () => {
  it.each([
    ['service-pack', 'These problems can be fixed by installing Service Pack 3 for Widget Server, version 2.0.'],
    ['update', 'The vendor has updated versions of its drivers available on its bulletin board.'],
    ['update', "To resolve this problem, obtain WIDGFIX.ZIP from the vendor's bulletin board system (BBS)."],
    ['update', 'Download the Widget Pointer software version 2.1a for your system.'],
    ['upgrade', 'Upgrade to Widget Manager 2.2c or later.'],
    ['upgrade', 'The vendor recommends that customers seeing these problems upgrade to Widget Base version 2.1.'],
    ['upgrade', 'This problem was corrected in Microsoft Widget C++ .NET.'],
    ['update', 'To resolve this issue, download and install WidgetCOM for Widget OS from the following Web site.'],
    ['none', 'This behavior is expected in order to keep the two commands consistent.'],
    ['update', 'To resolve this problem, obtain the Widget NT 4.0 Security Rollup Package.'],
    ['update', 'Obtain the fixed version 2.78a of WidgetSweep from the vendor.'],
  ])('reads %s from "%s"', (kind, prose) => {
    expect(fix(prose).kind).toBe(kind);
  });

  it.each([
    ['a download that is the subject of the problem', 'The address list is not refreshed after users download their mail.'],
    ['downloaded fonts', 'Clients cannot use downloaded fonts when they print through the server.'],
    ['a pack in a list of causes', 'The message appears after one of the following: - Applying a Service Pack to the Widget NT 3.1 system.'],
    ['an upgrade the reader may choose', 'If you choose to upgrade to Widget OS version 3.5 instead, run setup first.'],
  ])('names no fix from %s', (_what, prose) => {
    expect(fix(prose).kind).toBe('unknown');
  });

  it.each([
    ['a product, its edition and its version joined by commas', 'This problem was corrected in Microsoft Widget C++, 32-bit Edition, version 4.0.', ['Microsoft Widget C++ 32-bit Edition version 4.0']],
    ['the later release it does not occur in', 'This problem does not occur in Widget Paint 95.', ['Widget Paint 95']],
    ['the release to upgrade to', 'Upgrade to Widget Manager 2.2c or later.', ['Widget Manager 2.2c']],
    ['an edition and a pack joined by commas', 'This problem was first corrected in Widget NT 4.0 Server, Terminal Server Edition, Service Pack 5.', ['Widget NT 4.0 Server, Terminal Server Edition, Service Pack 5']],
    ['a release after a comma', 'This problem was corrected in Widget Office 97 for Windows, Service Release 2 (SR-2).', ['Widget Office 97 for Windows, Service Release 2']],
    ['the product after the pack', 'This bug was corrected in Service Pack 4 for Widget Studio 6.0.', ['Service Pack 4 for Widget Studio 6.0']],
    ['a release named ".NET"', 'This problem was corrected in Microsoft Widget C++ .NET.', ['Microsoft Widget C++ .NET']],
    ['a product "for the" platform', 'This problem was corrected in Widget Writer for the Macintosh, version 1.1c.', ['Widget Writer for the Macintosh version 1.1c']],
  ])('names the carrier: %s', (_what, prose, carriers) => {
    expect(fix(prose).carriers).toEqual(carriers);
  });

  it.each([
    ['said in STATUS', 'Save the file under another name, then open it again.', 'We are researching this problem and will post new information here as it becomes available.', ''],
    ['said in SYMPTOMS only', 'Delete the leftover folder after setup.', '', 'Setup leaves a folder behind. We are researching this problem and will post new information here as it becomes available.'],
  ])('reads a RESOLUTION as a workaround while a fix is still to come (%s)', (_where, resolution, status, body) => {
    const result = classifyFix({ prose: `${resolution} ${status}`.trim(), workaround: '', resolution, body: `${body} ${resolution} ${status}` });
    expect(result.kind).toBe('workaround');
    expect(result.summary).toBe(resolution.split('. ')[0]?.replace(/\.?$/, '.'));
  });

  it('sums up a RESOLUTION or WORKAROUND that opens with a bare step number by its first words, not "1."', () => {
    const steps = '1. Check that the widget library exists. 2. Expand it from the disk.';
    expect(classifyFix({ prose: steps, workaround: '', resolution: steps }).summary).toBe('Check that the widget library exists.');
    expect(classifyFix({ prose: steps, workaround: steps }).summary).toBe('Check that the widget library exists.');
  });

  it('leads with a download offered before a hotfix for another product, and keeps the hotfix as also', () => {
    const prose = 'Widget NT 4.0: The following file is available for download from the Microsoft Download Center: Widfix4i.exe. Widget NT Server 4.0, Terminal Server Edition: A supported fix is now available from Microsoft.';
    expect(fix(prose)).toMatchObject({ kind: 'update', also: ['hotfix'] });
    expect(fix('A supported fix is now available from Microsoft. The following file is available for download from the Microsoft Download Center.').kind).toBe('hotfix');
  });

  it.each([
    ['the vendor fixed version', 'Obtain the fixed version 2.78a of WidgetSweep from the vendor.', ['WidgetSweep version 2.78a']],
    ['an edition rollup written with commas', 'To resolve this problem, obtain the Widget NT Server 4.0, Terminal Server Edition, Security Rollup Package.', ['Widget NT Server 4.0, Terminal Server Edition, Security Rollup Package']],
  ])('names the carrier: %s', (_what, prose, carriers) => {
    expect(fix(prose).carriers).toEqual(carriers);
  });

  it('takes no update from an updated driver the reader may already have', () => {
    expect(fix('NOTE: If you have an updated video driver supplied by the maker, click Install the driver.').kind).not.toBe('update');
  });
});

describe('fix line details from the second graded batch (fit half) and fresh articles', () => {
  it('reads "the post-SP2 version of this fix" as one fix, not fixes released after SP2', () => {
    expect(fix('A supported fix is now available. The Widget 2.0 post-Service Pack 2 (SP2) version of this fix should have the following attributes.').after).toBeUndefined();
  });

  it('counts the install procedure of a hotfix printed after the RESOLUTION', () => {
    const resolution = 'A supported fix is now available from Microsoft.';
    const body = `${resolution} MORE INFORMATION To install the hotfix, follow these steps: 1. Stop the widget services. 2. Replace the Widget.dll file. 3. Start the services.`;
    expect(classifyFix({ prose: resolution, workaround: '', resolution, body }).steps?.count).toBe(3);
  });

  it('names the self-extracting package of a boxed table, not the files the package installs', () => {
    const prose = 'A supported fix is now available from Microsoft. The English version of this fix should have the following attributes: | Name | Size | | Wid.exe | 396,048 | 4/5/2001 | | Widadmin.exe | 12,048 | 4/5/2001 | The self-extracting EXE should be: | Name | Size | | WID9191en.exe | 2,727,936 | 4/9/2001 |';
    expect(fix(prose).carriers).toEqual(['WID9191en.exe']);
  });

  it.each([
    ['packs a patch can be installed on', 'NOTE: This patch can be installed on systems running Widget 2000 Service Pack 1 or Widget 2000 Service Pack 2.'],
    ['a pack the reader should be without', 'If you have a computer with Widget NT 4.0 without Widget NT 4.0 Service Pack 2 or Service Pack 3 installed, copy the file from it.'],
    ['ways around the problem listed in a RESOLUTION', 'To work around the problem, perform one of the following steps: - Map a drive. - or - - Upgrade the Widget NT version 3.51 clients to Widget NT version 4.0.'],
  ])('names no carrier from %s', (_what, resolution) => {
    expect(classifyFix({ prose: resolution, workaround: '', resolution }).carriers).toEqual([]);
  });

  it('names the version upgraded to, not the one upgraded from', () => {
    expect(versionNamed('- Upgrade the Widget NT version 3.51 clients to Widget NT version 4.0.')).toBe('Widget NT version 4.0');
  });
});

it('takes no summary from the sample-code disclaimer of a WORKAROUND', () => {
  const workaround = 'Microsoft provides programming examples for illustration only, without warranty either expressed or implied. To work around this problem, count the panes yourself.';
  expect(classifyFix({ prose: workaround, workaround }).summary).toBe('To work around this problem, count the panes yourself.');
});

describe('fix line rules from random archive articles (issue 8, third pass)', () => {
  it.each([
    ['upgrade', 'This problem has been resolved with Widget Fortran maintenance release version 1.0a for MS-DOS.', ['Widget Fortran maintenance release version 1.0a']],
    ['update', 'This has been corrected in an updated version of the Widget Setup Wizard.', []],
    ['service-pack', 'Widget NT 4 Service Pack 6a has been released to fix this problem.', ['Widget NT 4 Service Pack 6a']],
    ['upgrade', 'This issue has been resolved in the WidgetMap 2002 and Roads & Trips 2002 applications.', ['WidgetMap 2002', 'Roads & Trips 2002']],
  ])('reads %s and its carriers from "%s"', (kind, prose, carriers) => {
    expect(fix(prose)).toMatchObject({ kind, carriers });
  });

  it('reads a path wrapped for readability as one path: the fix folder names the fix, not the line break', () => {
    const prose = 'A supported fix is now available from Microsoft. This hotfix has been posted to the following location: ftp://ftp.example.com/widget/fixes/usa/WNT40 /hotfixes-postSP3/wid-fix/ NOTE: The above link is one path.';
    expect(fix(prose).carriers).toEqual(['wid-fix']);
    const afterSlash = 'This hotfix has been posted to ftp://ftp.example.com/widget/fixes/usa/ wnt40/hotfixes-postSP2/krnl-fix/ folder.';
    expect(fix(afterSlash).carriers).toEqual(['krnl-fix']);
  });

  it.each([
    ['one post-SP3 hotfix built on that pack', 'For your convenience, the English version of this post-SP3 hotfix has been posted to the following location.', undefined],
    ['a list of post-SP4 hotfixes', 'The Widget Server post-SP4 hotfixes are listed below.', 'Service Pack 4'],
  ])('sets "after" only for a list of fixes: %s', (_what, prose, after) => {
    expect(fix(prose).after).toBe(after);
  });

  it('keeps every language package: the US one is no part of another language\'s name', () => {
    const prose = 'The following files are available for download: US English: Q123456i.exe Czech: Czeq123456i.exe';
    expect(classifyFix({ prose, workaround: '', body: prose }).carriers).toEqual(['Q123456i.exe', 'Czeq123456i.exe']);
  });

  it.each([
    ['repro steps with no fix section', 'To reproduce this behavior: 1. Map a drive. 2. Check its free space. We are researching this problem.', undefined],
    ['repro steps after the fix steps', 'To resolve this, follow these steps: 1. Stop the service. 2. Delete the cache. 3. Restart. Steps to Reproduce Behavior: 1. Open a form. 2. Close it.', 3],
    ['repro steps before the fix steps', 'Steps to reproduce the problem: 1. Open a form. 2. Close it. To work around it, follow these steps: 1. Stop the service. 2. Delete the cache. 3. Restart. 4. Log on.', 4],
  ])('counts no steps that only show the problem: %s', (_what, prose, count) => {
    expect(fix(prose).steps?.count).toBe(count);
  });
});

describe('fix line rules from random archive articles (issue 8, fourth pass)', () => {
  it.each([
    ['service-pack', 'This issue was corrected in the latest Widget Server Service Packs.'],
    ['service-pack', 'This fix is now available in the latest U.S. Service Pack for Widget NT version 4.0.'],
    ['update', 'To resolve the problem, contact the computer maker to inquire about obtaining an updated BIOS.'],
    ['update', 'Contact the drive vendor for updated firmware.'],
  ])('reads %s from "%s"', (kind, prose) => {
    expect(fix(prose).kind).toBe(kind);
  });

  it('takes no pack fix from a step that applies the pack the reader already runs', () => {
    expect(fix('5. Apply your current Widget Server 5.5 service pack.').kind).not.toBe('service-pack');
  });

  it.each([
    ['a release spelled out and written short, once', 'To correct this problem, install Widget Word 97 Service Release 1 (SR-1). This problem was corrected in Widget Word 97 SR-1.', ['Widget Word 97 Service Release 1']],
    ['the product after a U.S. pack', 'This problem has been corrected in U.S. Service Pack 2 for Widget SQL Server version 6.5.', ['U.S. Service Pack 2 for Widget SQL Server version 6.5']],
    ['the program after its version', 'This problem has been resolved in version 3.5.4096 of WIDCLEAN.EXE.', ['WIDCLEAN.EXE version 3.5.4096']],
  ])('names the carrier: %s', (_what, prose, carriers) => {
    expect(fix(prose).carriers).toEqual(carriers);
  });

  it('reads a pack written short as a pack, not also as a later product version', () => {
    expect(fix('This problem was corrected in Widget Word 97 SR-1.').also ?? []).not.toContain('upgrade');
  });
});

describe('fix line rules checked across the archive (issue 8)', () => {
  it('names the fix folder of a path that ends a section, not the closing period', () => {
    const prose = 'This hotfix has been posted to the following location: ftp://ftp.example.com/widget/fixes/usa/WNT40/hotfixes-postSP4/Wid1-fix/.';
    expect(fix(prose).carriers).toEqual(['Wid1-fix']);
  });

  it('names no carrier from a pack that must be applied before the hotfix', () => {
    const prose = 'A supported fix is now available from Microsoft. NOTE: Service Pack 3 must be applied to Widget NT 4.0 prior to applying this fix.';
    expect(fix(prose).carriers).toEqual([]);
  });

  it('reads a patch a bug was fixed with as an update, named by its file and version', () => {
    expect(fix('This bug was fixed with the Widget SourceSafe patch WIDSCC.DLL version 1310.')).toMatchObject({ kind: 'update', carriers: ['WIDSCC.DLL version 1310'] });
  });

  it('names the program after "version N of the"', () => {
    expect(fix('This problem was corrected with version 3.1a of the Widget Mail GW file.').carriers).toEqual(['Widget Mail GW version 3.1a']);
  });
});

describe('fix statements the archive words loosely (issue 8)', () => {
  it.each([
    ['a missing period', 'Microsoft has confirmed this to be a problem in Widget NT version 3.5 This problem was corrected in Widget NT 3.51.', 'upgrade', ['Widget NT 3.51']],
    ['a period glued to the next sentence', 'Microsoft has confirmed this to be a problem in version 4.0.This problem was corrected in Widget Flight for MS-DOS, version 5.0.', 'upgrade', ['Widget Flight for MS-DOS version 5.0']],
    ['later versions, none named', 'This problem was corrected and does not occur in later versions of Widget OS.', 'upgrade', []],
    ['a release "with" its number', 'This problem is corrected with Widget System 7.5.1 and higher for the Macintosh.', 'upgrade', ['Widget System 7.5.1']],
    ['a release "for the" platform and its year', 'This problem has been corrected in the Widget Encyclopedia for the Macintosh 1997 edition.', 'upgrade', ['Widget Encyclopedia for the Macintosh 1997']],
    ['two releases, one "for" a platform', "The problem was fixed in Widget C++ for Windows 1.51 and Widget C++ 2.0 32-bit edition.", 'upgrade', ['Widget C++ for Windows 1.51', 'Widget C++ 2.0 32-bit']],
    ['a new driver', 'The problem is corrected by a new driver version 1.5 or later.', 'update', []],
    ['a patch for a product', 'This problem was corrected in Widget SourceSafe patch WIDSCC.DLL version 1310 for Windows.', 'update', ['WIDSCC.DLL version 1310']],
    ['a version with an aside', 'This problem was fixed in patch version 070723(the latest patch is cumulative).', 'update', ['version 070723']],
  ])('reads the fix despite %s', (_what, prose, kind, carriers) => {
    expect(fix(prose)).toMatchObject({ kind, carriers });
  });

  it.each([
    ['unknown', 'There is no resolution to this problem.', ''],
    ['none', 'There is no known workaround.', 'This is a Widget 32-bit limitation.'],
    ['upgrade', 'There is no resolution to this problem.', 'This problem has been corrected in Widget Atlas 97.'],
    ['workaround', 'There is no resolution at this time. You can avoid the problem by maximizing the window.', ''],
  ])('reads %s when the RESOLUTION says there is none (%s %s)', (kind, resolution, status) => {
    expect(classifyFix({ prose: `${resolution} ${status}`.trim(), workaround: '', resolution }).kind).toBe(kind);
  });

  it('reads "There is no workaround at this time." in a WORKAROUND as no workaround', () => {
    const workaround = 'There is no workaround at this time.';
    expect(classifyFix({ prose: workaround, workaround }).kind).toBe('unknown');
  });

  it.each([
    ['the confirmation closing MORE INFORMATION', 'The palette changes. Microsoft has confirmed this to be a problem in Widget 1994. This problem was corrected in Widget 1995. Extra words.', 'Microsoft has confirmed this to be a problem in Widget 1994. This problem was corrected in Widget 1995. Extra words.'],
    ['no confirmation', 'The palette changes in 16 shades of gray.', ''],
  ])('finds a status stated outside STATUS: %s', (_what, prose, status) => {
    expect(strayStatus(prose)).toBe(status);
  });
});

it('reads a pack to wait for as no pack fix, while naming it as the pack to come', () => {
  expect(fix('- Wait for and apply Widget Server 1.2 Service Pack 4.')).toMatchObject({ kind: 'unknown', carriers: ['Widget Server 1.2 Service Pack 4'] });
});

describe('no-fix statements that still say something (issue 8)', () => {
  it('reads a limitation stated in the same sentence as "there is no workaround"', () => {
    expect(fix('There is no workaround for this behavior; this is a limitation of Widget Pad.').kind).toBe('none');
  });

  it('reads a RESOLUTION of "There is no workaround." that runs into the footer as no fix', () => {
    const resolution = 'There is no workaround. Keywords : Technology : kbWidget';
    expect(classifyFix({ prose: resolution, workaround: '', resolution }).kind).toBe('unknown');
  });

  it('counts no steps of a procedure that shows how the behavior can be observed', () => {
    expect(fix('This behavior can be observed by profiling code that does the following: 1. Load the library. 2. Free it. 3. Load it again.').steps).toBeUndefined();
  });
});

it.each([
  ['upgrade', 'Upgrade the workstation to Widget OS 3.1.'],
  ['configuration', 'The code is different because Widget Excel 95 contains a bug that was corrected in later versions.'],
])('reads %s from "%s" (what is upgraded; which problem was corrected)', (kind, resolution) => {
  expect(classifyFix({ prose: resolution, workaround: '', resolution }).kind).toBe(kind);
});

it('names the release a workstation is upgraded to', () => {
  expect(fix('Upgrade the workstation to Widget OS 3.1.').carriers).toEqual(['Widget OS 3.1']);
});

describe('numbered steps counted as printed (issue 8)', () => {
  it.each([
    ['a lead-in without a colon', 'To shrink the area, follow these steps 1. Insert a table. 2. Put the heading in row one. 3. Set the row height.', 3],
    ['a value that ends a sentence inside a step', '1. Open the dialog. 2. Set the factor to 1. 3. Press ENTER. 4. Close it.', 4],
    ['a value set "to 3." inside a step', 'There are two ways. 1. Change the startup mode to manual. 2. Set this value to 3. Choose OK and restart.', 2],
    ['a value in parentheses in ")" form inside "." steps', '1. Start the editor. 2. Enter the value 0 (default: 1) UseCache enables it. 3. Restart.', 3],
    ['a heading ending in "Option" before step 1', 'Method 2: Set the Row Height Option 1. Select the row. 2. Click Cell Height. 3. Change the height.', 3],
    ['a step after a sentence ending in "page"', '1. In the Init code, place: THIS.Left=3500. 2. In the Activate code of each page, place: THIS.Left=35 && when on active page 3. In the Deactivate code, place: THIS.Left=3500', 3],
    ['numbered method headings before the steps', 'Use either method. Method 1. Cancel the Message When it appears, click Cancel. Method 2. Quote the Path 1. Open Explorer. 2. Click File Types. 3. Click Edit. 4. Click OK.', 4],
  ])('counts the steps despite %s', (_what, prose, count) => {
    expect(numberedSteps(prose)?.count).toBe(count);
  });

  it('reads numbered alternatives ("Option 1.", "Option 2.") as no procedure', () => {
    expect(numberedSteps('Use one of these. Option 1. Restart the computer. Option 2. Reinstall the program.')).toBeUndefined();
  });
});

it('counts the step that follows a printed setting ending in "="', () => {
  expect(numberedSteps('1. Open Save.txt. 2. Find [Routes]. 3. Delete the lines. The list should read: [Routes] DeliveryRouting= DefaultRouting= 4. Save the file. 5. Restart the service.')?.count).toBe(5);
});

it.each([
  'This issue is resolved by the following updated file for Widget 95, and later versions of this file.',
])('reads an updated file as an update: "%s"', (prose) => {
  expect(fix(prose).kind).toBe('update');
});

describe('limitations, designs and releases said in other words (issue 8)', () => {
  it.each([
    ['none', 'Microsoft has confirmed this to be a limitation in Widget NT.', []],
    ['none', 'Microsoft acknowledges this to be a limitation with the Widget Router.', []],
    ['none', 'The server is working as designed.', []],
    ['upgrade', 'This is not a problem in WidgetView version 4.25 for Win32s.', ['WidgetView version 4.25']],
    ['upgrade', 'This is not a problem with Widget Fortran 32.', ['Widget Fortran 32']],
  ])('reads %s from "%s"', (kind, prose, carriers) => {
    expect(fix(prose)).toMatchObject({ kind, carriers });
  });
});

it.each([
  'Contact Widget Systems technical support to obtain the latest BIOS update.',
  'To correct this problem, download the new WIDLOGIC.SYS driver from the vendor.',
  'Contact the maker to obtain a newer BIOS.',
])('reads a newer driver or BIOS from its maker as an update: "%s"', (prose) => {
  expect(fix(prose).kind).toBe('update');
});

describe('which kind is main: a RESOLUTION beside a confirmed bug (issue 8, decision)', () => {
  // prose is RESOLUTION then STATUS, as article.ts joins them.
  const withStatus = (resolution: string, status: string) => classifyFix({ prose: `${resolution} ${status}`, workaround: '', resolution });
  const bug = 'Microsoft has confirmed this to be a bug in the Widget products listed at the beginning of this article.';
  it.each([
    ['workaround', 'a coding change around a confirmed bug leaves the bug in place', 'The solution is to use a Variant instead of an array with the ReadFields method.', bug],
    ['workaround', 'not using the feature goes around a confirmed problem', 'Do not reference fMoreData in code. -or- Do not use the WidgetControl.', 'Microsoft has confirmed this to be a problem in Widget 6.0.'],
    ['configuration', 'a RESOLUTION that says it resolves the problem is the fix', 'To resolve this problem, set the packet size to 512 in the Widget dialog box.', bug],
    ['configuration', 'a registry change is a setting that makes the problem go away', 'Add the IRPStackSize value to HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Services\\Widget and set it to 15.', bug],
    ['configuration', 'with no confirmed bug, the RESOLUTION is the fix', 'Make all Widget Recordset objects use the same connection.', ''],
    ['configuration', 'by design: the RESOLUTION is the fix, the design stays also', 'Make all Widget Recordset objects use the same connection.', 'This behavior is by design.'],
  ])('reads %s: %s', (kind, _why, resolution, status) => {
    expect(withStatus(resolution, status).kind).toBe(kind);
  });

  it('keeps a fix the STATUS names above the RESOLUTION around a confirmed bug', () => {
    const result = withStatus('Use the keyboard instead of the mouse.', `${bug} This bug was corrected in Widget Studio 6.0 Service Pack 3.`);
    expect(result).toMatchObject({ kind: 'service-pack', carriers: ['Widget Studio 6.0 Service Pack 3'] });
  });
});

describe('which kind is main: a pack put back as a step of the procedure (issue 8, decision)', () => {
  it.each([
    ['configuration', 'a pack reapplied after the procedure reinstalls a component', 'To resolve this behavior, remove and reinstall the Widget protocol: 1. Remove the Widget protocol. 2. Restart the computer. 3. Add the Widget protocol. 4. Apply the latest Widget NT 4.0 service pack and the latest Widget Server 5.5 service pack. 5. Restart the computer.'],
    ['configuration', 'a numbered pack step (SP4 or later) after reinstalling', 'Follow these steps: 1. Reinstall the Option Pack. 2. Apply SP4 or later to the Widget server. 3. Reinstall Widget Web Access.'],
    ['service-pack', 'a pack as the first step is the fix itself', 'To resolve this problem, follow these steps: 1. Install Widget NT 4.0 Service Pack 4. 2. Restart the computer.'],
    ['service-pack', 'a step that says the pack corrects the problem', 'Follow these steps: 1. Back up the database. 2. Install Widget Server Service Pack 2, which corrects this problem.'],
  ])('reads %s: %s', (kind, _why, resolution) => {
    expect(classifyFix({ prose: resolution, workaround: '', resolution }).kind).toBe(kind);
  });
});

it.each([
  'To resolve this issue, contact your hardware manufacturer to inquire about how to obtain and install the latest version of the driver for your video adapter.',
  'The Widget ISAM in Widget Jet 3.0 provides an updated Paradox ISAM driver that allows access to Paradox 4.x tables.',
])('reads a driver from its maker, named after a few words, as an update: "%s"', (prose) => {
  expect(fix(prose).kind).toBe('update');
});

describe('which kind is main: the precedence of src/kb/fix.ts, by where each kind is said (issue 8, decision)', () => {
  const researching = 'Microsoft is researching this problem and will post new information here as it becomes available.';
  const bug = 'Microsoft has confirmed this to be a bug in the Widget products listed at the beginning of this article.';
  // A made-up article's fix sections; prose joins RESOLUTION, STATUS and WORKAROUND as article.ts does.
  const article = ({ resolution = '', status = '', workaround = '' }) =>
    classifyFix({ prose: [resolution, status, workaround].filter((t) => t !== '').join(' '), workaround, resolution, body: `${resolution} ${status} ${workaround}` });
  it.each([
    // 1. A release fetched as a step of the WORKAROUND is part of going around the problem.
    ['workaround', [], 'a download that is a step of the WORKAROUND', { workaround: 'To work around this problem, use the following steps: 1. Install the latest version of Widget COM on the client. You can download the latest version from the Widget Web site. 2. Click Repair Installation.', status: bug }],
    ['service-pack', ['workaround'], 'a pack the WORKAROUND opens with', { workaround: 'To work around this problem, apply the latest service pack for Widget Server 5.5.', status: bug }],
    ['upgrade', ['workaround'], 'an upgrade the WORKAROUND says resolves the problem', { workaround: 'To resolve this problem, upgrade to Widget Server version 3.51. Verify that the printer is available before you print.' }],
    ['service-pack', ['workaround'], 'a pack named in STATUS beside a WORKAROUND', { workaround: 'Save each attachment separately.', status: `${bug} This problem was corrected in Widget Server 4.0 Service Pack 4.` }],
    // 2. A RESOLUTION that opens by working around the problem: its registry change goes around it.
    ['workaround', [], 'registry steps of a RESOLUTION that opens "To work around"', { resolution: 'To work around this problem: - Decrease the packet size on the server. -or- - Set MaxPacket to 1012 under HKEY_LOCAL_MACHINE\\System\\Widget.' }],
    ['configuration', [], 'registry steps of a RESOLUTION that opens "To resolve"', { resolution: 'To resolve this problem, set MaxPacket to 1012 under HKEY_LOCAL_MACHINE\\System\\Widget.' }],
    // 3. A RESOLUTION beside "by design" in STATUS is the fix; the design stays also.
    ['configuration', ['none'], 'a RESOLUTION beside by design', { resolution: 'Delete the damaged Widget resource file; Widget creates a new one.', status: 'This behavior is by design.' }],
    // 4. Beside a fix still to come: a RESOLUTION that removes the problem stays the fix...
    ['configuration', ['not-yet'], 'a setting changed beside "researching"', { resolution: 'Change the "Display=1" setting to "Display=0" in the Widget.inf file.', status: researching }],
    ['configuration', ['not-yet'], 'a RESOLUTION that says it corrects the problem beside "researching"', { resolution: 'To correct this problem, reduce the font size for menu items.', status: researching }],
    ['workaround', ['not-yet'], 'a numbered procedure alone beside "researching"', { resolution: 'Follow this procedure to edit the generated class: 1. Qualify the duplicate columns. 2. Rebuild the project.', status: researching }],
    ['workaround', ['not-yet'], 'an option chosen to get past the problem beside "researching"', { resolution: 'Run Widget Setup again and choose the Safe Recovery option when you are prompted.', status: researching }],
    ['workaround', [], '"setting" as a verb beside a confirmed bug', { resolution: 'Instead of setting the text property of the bound box, assign the field directly.', status: bug }],
    ['workaround', ['not-yet'], '"if this does not eliminate the problem" beside "researching"', { resolution: 'Quit and restart Widget Backup. If this does not eliminate the problem, restart your computer.', status: researching }],
    ['configuration', [], 'an option set beside a confirmed bug', { resolution: 'Setting the option "Run in separate memory space" resolves the problem.', status: bug }],
    // ...and one that only has the reader do something else goes around it.
    ['workaround', ['not-yet'], 'a one-line instruction beside "researching"', { resolution: 'Delete the parameter with the following code: DBSETPROP(view, parameterlist).', status: researching }],
    ['workaround', [], 'a property a program sets beside a confirmed bug', { resolution: 'When you set the Format property of the picker to Custom, you must then assign the CustomFormat property again.', status: bug }],
  ])('reads %s (also %j): %s', (kind, also, _why, sections) => {
    const result = article(sections);
    expect(result.kind).toBe(kind);
    expect(result.also ?? []).toEqual(also);
  });
});

describe('which fix leads, as the graded writers read it (issue 8, batch 6)', () => {
  it('puts a release the article says also fixes the problem after the RESOLUTION it follows', () => {
    const resolution = 'To restore the ability to manage accounts, give Read privileges to the following registry key: HKEY_LOCAL_MACHINE\\SYSTEM\\Widget.';
    const read = classifyFix({ prose: `${resolution} This problem is also corrected by installing Service Pack 3.`, resolution, workaround: '' });
    expect(read.kind).toBe('configuration');
    expect(read.also).toEqual(['service-pack']);
    expect(read.carriers).toContain('Service Pack 3');
    // Said alone, the release is still the fix.
    expect(fix('This problem is also corrected by installing Service Pack 3.').kind).toBe('service-pack');
  });

  it.each([
    ['a corrected CD-ROM', 'Without the corrected CD-ROM, the only workaround is to copy the files to a hard disk.', 'update'],
    ['a replacement for a damaged CD-ROM', 'If your CD-ROM is damaged, contact Widget Sales to obtain a replacement CD-ROM.', 'unknown'],
    ['the latest version of a component', 'To resolve the problem, install the latest version of WDAC to replace the Wdbc32.dll file.', 'update'],
    ['firmware to bring up to date', 'To resolve this problem, update the software and the firmware to the latest versions available from the vendor.', 'update'],
  ])('reads %s as %s', (_what, prose, kind) => {
    expect(fix(prose).kind).toBe(kind);
  });

  it.each([
    ['This is by design. Widget Publisher uses the shared component.', 'This is by design.'],
    ['By design, Word considers the map to be a single pane.', 'By design, Word considers the map to be a single pane.'],
    ['The server is connected to two networks that are by design non-connected.', ''],
    ['This behavior is not by design, but it will not be fixed.', ''],
  ])('takes the status CAUSE states from "%s"', (cause, status) => {
    expect(designStatus(cause)).toBe(status);
  });

  it('reads a design said as the status over the WORKAROUND that goes around it', () => {
    const workaround = 'To remove Widget Draw manually, delete the following key: HKEY_CLASSES_ROOT\\Widget.Drawing';
    const read = classifyFix({ prose: `${workaround}. This is by design.`, workaround });
    expect(read.kind).toBe('none');
    expect(read.also).toEqual(['workaround']);
  });
});

describe('fix line rules from blind samples of fresh archive articles (issue 8, fifth pass)', () => {
  it.each([
    'To resolve this issue, update the system BIOS of the Widget Deskpro computer.',
    'Upgrade the firmware of the Widget 32550N hard disk to Revision 0022.',
    'According to Widgetec, you must upgrade the BIOS to version 1.4. To order this BIOS revision, call Widgetec.',
    'To correct this problem, upgrade the SCSI controller driver to version 2.11 or later.',
  ])('reads an instruction to bring a driver, BIOS or firmware up to date as an update: "%s"', (prose) => {
    expect(fix(prose).kind).toBe('update');
  });

  it.each([
    ['a condition', 'If you upgrade the driver, restart the computer before you print.'],
    ['a heading of one method among others', 'Method 2: Update Your Video Driver Contact the maker of your video adapter.'],
    ['settings of the driver', 'To resolve this problem, update the driver settings in the Widget tool.'],
  ])('reads no update in %s: "%s"', (_what, prose) => {
    expect(fix(prose).kind).not.toBe('update');
  });

  it('names a numbered release once, not again as "the current version" of the same product', () => {
    const prose = 'This problem no longer occurs in Windows 98. To resolve this problem, install the current version of Windows.';
    expect(fix(prose).carriers).toEqual(['Windows 98']);
  });

  it.each([
    ['the folder above a platform folder', 'This fix has been posted to the following Internet location: ftp://ftp.example.com/bussys/iis/fixes/usa/WIDGUPD/x86/', ['WIDGUPD']],
    ['no fix when the path ends at a language folder', 'This fix has been posted to the following Internet location: ftp://ftp.example.com/bussys/winnt/fixes/usa/', []],
    ['the fix folder itself', 'This fix has been posted to the following Internet location: ftp://ftp.example.com/bussys/winnt/fixes/usa/NT40/hotfixes-postSP3/sfm-fix/', ['sfm-fix']],
  ])('names the fix of an FTP path by %s', (_what, prose, carriers) => {
    expect(fix(prose).carriers).toEqual(carriers);
  });
});

it('names no carrier in a release the reader may already have installed (a condition, not the fix)', () => {
  const resolution = 'Delete the password list files. NOTE: If you have installed Widget 95 Service Pack 1, password list files may be damaged even after you delete them.';
  expect(classifyFix({ prose: resolution, resolution, workaround: '' }).carriers).toEqual([]);
});

it.each([
  'Use one of the following workarounds: - Turn off the option. -or- - Set the Widget property to 1 in the registry.',
  'There are two possible workarounds to this problem: 1. Run the program without the feature. 2. Add the feature later.',
  'Here are two workarounds for a Windows-based application: - Use the static library. -or- - Use the sample code.',
])('reads a RESOLUTION that names its ways as workarounds as a workaround: "%s"', (resolution) => {
  expect(classifyFix({ prose: resolution, resolution, workaround: '' }).kind).toBe('workaround');
});

it('reads no update in the heading of one method among others: "Update the Sound Driver for Your Sound Card"', () => {
  const resolution = 'To resolve this issue, use the following methods in the order in which they are presented. Turn off sound acceleration in Control Panel. Update the Sound Driver for Your Sound Card ---- To update your sound driver, contact the manufacturer of your sound card';
  expect(classifyFix({ prose: resolution, resolution, workaround: '' }).kind).toBe('configuration');
});

it.each([
  'Click here (ftp://ftp.example.com/bussys/winnt/fixes/readme.txt) for a list of these abbreviations.',
  'You may also download this from ftp://ftp.example.com/bussys/widget/fixes/Eng/Widget5.5/SP2/Mac/)',
])('names no fix in an FTP path that ends in a file to read or a parenthesis: "%s"', (prose) => {
  expect(fix(prose).carriers).toEqual([]);
});
