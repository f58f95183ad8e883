import { describe, expect, it } from 'vitest';
import { classifyArticleKind } from '../../src/kb/kind.js';

const kindOf = (title: string, sections: string[], opening = '') => classifyArticleKind({ title, sections, keywords: [], opening });

describe('article kind', () => {
  it.each([
    ['index', 'Widget Plus! CD-ROM Directory Listing (2 of 2)', ['SYMPTOMS', 'MORE INFORMATION'], 'SYMPTOMS ======== This article lists the directory contents of the Widget CD-ROM.'],
    ['index', 'Known Problems with Widget Server 2.11', ['SYMPTOMS'], 'This article lists six known problems and their workarounds for Widget Server.'],
    ['index', 'Contents of the Widget Disk 3', ['MORE INFORMATION'], ''],
    ['problem', 'Widget Stops Responding When You Print', ['SYMPTOMS', 'CAUSE', 'RESOLUTION'], 'SYMPTOMS ======== When you print, Widget stops responding.'],
    ['howto', 'HOWTO: Configure Widget Logging', ['SUMMARY', 'MORE INFORMATION'], 'This article describes how to configure logging.'],
    ['info', 'INFO: Widget Memory Usage Explained', ['SUMMARY'], 'This article explains how Widget uses memory.'],
  ])('reads %s from "%s"', (kind, title, sections, opening) => {
    expect(kindOf(title, sections, opening)).toBe(kind);
  });
});

describe('older articles (SUMMARY and MORE INFORMATION only) told by their title', () => {
  it.each([
    ['problem', 'Widget Shell Flashes with Acme Display Card'],
    ['problem', 'WIDGET.EXE Halts upon Expanded File in Windows'],
    ['problem', 'Widget Err Msg: System Integrity Violation'],
    ['problem', 'Acme BIOS Earlier than 3.1 Not Compatible with Widget DOS'],
    ['problem', 'Widget Tape Backup Conflicts with SETUP and FORMAT'],
    ['problem', 'Acme Laptop Loses Date/Time with Widget DOS'],
    ['problem', 'Widget Office TSRs Don\'t Function Correctly'],
    ['problem', 'Low Memory Errors with Widget Base'],
    ['problem', 'PATH Command Has No Effect in Widget Make'],
    ['problem', 'Widget Statistics Not Calculated Accurately'],
    ['problem', 'Admin Virtual Directory Not Created During Widget Setup'],
    ['info', 'DOCERR: Widget Guide References Non-Existent Disk Screen'],
    ['info', 'DOCFIX: Widget Declaration Is Incorrect in API Viewer'],
    ['info', 'Widget Runs in Standard and Enhanced Modes Only'],
    ['info', 'Default Values for Widget Commands in CONFIG.SYS'],
  ])('reads %s from "%s"', (kind, title) => {
    expect(kindOf(title, ['SUMMARY', 'MORE INFORMATION'], 'This article describes the widget.')).toBe(kind);
  });
});

describe('a file update\'s announcement (SUMMARY and MORE INFORMATION only)', () => {
  const announce = (title: string, lead: string) => classifyArticleKind({ title, sections: ['SUMMARY', 'MORE INFORMATION'], keywords: [], opening: lead.slice(0, 400), lead });
  it.each([
    ['problem', 'PC Win: Widget Remote WIDRMT.DLL Version 3.2.4013 Update', 'Microsoft provides a replacement for the WIDRMT.DLL file. This replacement file provides additional enhancements to the original WIDRMT.DLL file, correcting the following problems: - A message could be misdirected.'],
    ['problem', 'PC Adm: Widget Mail ADMIN.EXE 3.2.17 Update', 'Microsoft provides an update. This update resolves the following problem: the postoffice is not purged.'],
    // An update that names no problem it corrects announces a file: information.
    ['info', 'Widget Mail SETUP.INF 3.2 Update', 'Microsoft provides a replacement for the SETUP.INF file. The following file is available for download.'],
    // A pack or a list of fixes is no one problem's fix.
    ['index', 'List of Bugs Fixed in the Widget 2.0 Update', 'This update corrects the following problems: - A. - B.'],
    ['info', 'Widget NT Service Pack 3 Update', 'This update corrects the following problems: - A. - B.'],
  ])('reads %s from "%s"', (kind, title, lead) => {
    expect(announce(title, lead)).toBe(kind);
  });
});

describe('an opening that announces a procedure', () => {
  it.each([
    ['howto', 'The information in this article discusses the supported steps to rename a Widget Server.'],
    ['howto', 'This article outlines the steps to create a secondary address space.'],
    ['info', 'This article discusses the steps Widget Setup takes when it starts.'],
  ])('reads %s from "%s"', (kind, opening) => {
    expect(kindOf('Tech Resource Kit: Widget Servers', ['SUMMARY', 'MORE INFORMATION'], opening)).toBe(kind);
  });
  it('leaves a problem title a problem: its procedure is the fix', () => {
    expect(kindOf('WIDGET.DRV and WIDGET.386 Not Installed with Widgets 3.1', ['SUMMARY', 'MORE INFORMATION'], 'The drivers are not installed. This article describes the procedure for installing these drivers.')).toBe('problem');
  });
});

describe('lists that are not indexes', () => {
  it.each([
    ['howto', 'Widget 96: Manual Installation Instructions', 'This article lists the steps necessary to install Widget 96 by hand.'],
    ['info', 'Widgetpedia: Minimum System Requirements', 'This article lists the minimum system requirements for the Widgetpedia series.'],
    ['info', 'Widget Printer Driver Settings', 'This article lists the settings for the Widget printer driver.'],
    ['index', 'Widget 2.0 Disk Contents', 'This article lists the files on each Widget 2.0 disk.'],
    ['problem', 'File Open Dialog Displays File List Very Slowly', ''],
  ])('reads %s from "%s"', (kind, title, opening) => {
    expect(kindOf(title, ['SUMMARY', 'MORE INFORMATION'], opening)).toBe(kind);
  });
});

describe('a problem filed under a how-to footer', () => {
  it.each([
    ['problem', 'WADM: Err Msg: Event IDs 9297 and 3161'],
    ['problem', 'WADM: Online Defragmentation Stops with Event ID 183'],
    ['howto', 'How to Troubleshoot Problems with Widget Printing'],
    ['howto', 'WADM: Configuring the Widget Connector'],
  ])('reads %s from "%s"', (kind, title) => {
    expect(classifyArticleKind({ title, sections: ['SUMMARY', 'MORE INFORMATION'], issueType: 'kbhowto', keywords: [], opening: 'The following events are logged.' })).toBe(kind);
  });
});

describe('index titles', () => {
  it.each([
    ['index', 'Widget Client Top Support Issues and KB Articles', ''],
    ['index', 'Summary List of Widget Mail 3.2 Bugs', ''],
    ['info', 'WD97: List of Search Criteria for Next Widget', 'The following is a list of items that the widget searches for.'],
    ['info', 'List of Widget International Code Pages', ''],
  ])('reads %s from "%s"', (kind, title, opening) => {
    expect(kindOf(title, ['SUMMARY', 'MORE INFORMATION'], opening)).toBe(kind);
  });

  it('reads a bug about a directory listing as a problem, not a listing', () => {
    expect(classifyArticleKind({ title: 'FTP Directory Listing Returns Lowercase File Names', sections: ['SYMPTOMS', 'STATUS'], issueType: 'kbbug', keywords: [], opening: 'When you request a directory listing, names are in lowercase.' })).toBe('problem');
  });
});

describe('a confirmed problem in an older article (SUMMARY, STATUS, MORE INFORMATION)', () => {
  const read = (title: string, lead: string, issueType?: string) =>
    classifyArticleKind({ title, sections: ['SUMMARY', 'STATUS', 'MORE INFORMATION'], keywords: [], opening: lead.slice(0, 400), lead, ...(issueType ? { issueType } : {}) });
  it.each([
    ['problem', 'Changes to Code in WidgetBasic Disappear After Pressing CTRL+BREAK', 'Your editing changes seem to disappear. STATUS ====== Microsoft has confirmed this to be problem in WidgetBasic 1.0. We are researching this problem.', undefined],
    ['problem', 'Widget Sim: Plane Accelerates While Taxiing', 'The plane accelerates. Microsoft has confirmed this to be a problem in Widget Sim 4.0.', undefined],
    // The footer or the title files it otherwise: the author's call stands.
    ['info', 'Page Heap Enhancements for Widget NT 4.0', 'This article describes enhancements. Microsoft has confirmed this to be a problem in Widget NT 4.0.', 'kbinfo'],
    ['info', 'INFO: Dialog Box Appears Even When No Conflicts Exist', 'Microsoft has confirmed this to be a problem.', undefined],
    // No confirmation: a STATUS that announces a feature is no problem.
    ['info', 'Ability to Change Password Added to Widget Client', 'STATUS ====== This feature was added in Widget Client 3.0.', undefined],
  ])('reads %s from "%s"', (kind, title, lead, issueType) => {
    expect(read(title, lead, issueType)).toBe(kind);
  });
});

describe('a title naming an action the article does', () => {
  const read = (title: string, lead: string) => classifyArticleKind({ title, sections: ['SUMMARY', 'MORE INFORMATION'], keywords: [], opening: lead.slice(0, 400), lead });
  it.each([
    ['howto', 'Changing Default Setting For Published Widget Information', 'Widget displays three months by default. To change the number of months displayed, do the following: 1. On the Tools menu, click Set Access.'],
    ['howto', 'Changing the Number of Packages Read by Widget16', 'The audit can fail. To change the number of packages read by WIDGET16 in a single pass of the disk, edit WIDGET.BAT and add the /Innn switch.'],
    ['howto', 'WidgetSim: Printing a Screen or Poster to the ImageWriter', 'The program disk has no room for the driver. This is done as follows: 1. Start the Macintosh with a system disk.'],
    ['howto', 'Setting Up a Widget Share', 'To set up the share, type the following command.'],
    // The opening announces methods: "The following are recommended recovery options for ...".
    ['howto', 'Repair Widget NT After Installation of Service Pack 4', 'The following are recommended recovery options for computers running Widget NT 4.0: - Use the Uninstall feature.'],
    ['howto', 'Widget DB: Quick Check for Enhanced Security', 'Older gateways need it off. The following is a quick method for verifying whether Enhanced Security is on at a postoffice.'],
    // A gerund title whose article does something else, or a first word that is no action.
    ['info', 'Using a Common WIDGET.INI File with Widget', 'Widget for MS-DOS and Widget for Windows share a common WIDGET.INI file. To edit it, any text editor serves.'],
    ['info', 'Add Printer Wizard Offers More Printer Selections in Widget SP6', 'The wizard is updated. To add a printer, run the wizard.'],
    // A problem title's procedure is its fix.
    ['problem', 'Changing Colors in Widget Shell Fails with a Beep', 'To change the colors, do the following: 1. Expand the file.'],
  ])('reads %s from "%s"', (kind, title, lead) => {
    expect(read(title, lead)).toBe(kind);
  });
});

describe('errata about one topic', () => {
  const read = (sections: string[], lead: string) => classifyArticleKind({ title: 'Widget Hardware Design Guide Corrections and Comments', sections, keywords: [], opening: lead.slice(0, 400), lead });
  it('reads a one-topic errata filed with a WORKAROUND as that problem', () => {
    expect(read(['SUMMARY', 'MORE INFORMATION', 'WORKAROUND'], 'This article contains comments and corrections. The following topic is covered: - CD-ROM index.htm contents frame is broken')).toBe('problem');
  });
  it('keeps errata covering several topics an index, even with a WORKAROUND', () => {
    expect(read(['SUMMARY', 'MORE INFORMATION', 'WORKAROUND'], 'This article contains comments and corrections. The following topics are covered: - Page 5: X - Page 23: Y')).toBe('index');
  });
});
