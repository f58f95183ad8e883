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
