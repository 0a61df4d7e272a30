import { describe, expect, it } from 'vitest';
import { classifyLink, classifyText } from '../../../../src/lib/parse/shapes/card-furniture';

const PAPER = 'https://huggingface.co/papers/2505.01234';

describe('classifyLink', () => {
  it('reads the same paper URL alike however often and in whatever order it comes', () => {
    const title = { role: 'paper', arxivId: '2505.01234', text: 'A Title' };
    const comments = { role: 'fact', fact: { kind: 'comments', value: 7, arxivId: '2505.01234' } };
    expect(classifyLink('A Title', PAPER, false)).toEqual(title);
    expect(classifyLink('A Title', PAPER, false)).toEqual(title);
    expect(classifyLink('7', `${PAPER}#community`, false)).toEqual(comments);
    // The comments URL read last must not make the plain URL read as comments.
    expect(classifyLink('A Title', PAPER, false)).toEqual(title);
    expect(classifyLink('7', `${PAPER}#community`, false)).toEqual(comments);
    expect(classifyLink('Other', 'https://huggingface.co/papers/2505.04321', false)).toEqual({
      role: 'paper',
      arxivId: '2505.04321',
      text: 'Other',
    });
  });

  it('counts the authors of an author list', () => {
    for (const [text, count] of [
      ['- 8 authors', 8],
      ['- - - 13 authors', 13],
      ['1 author', 1],
      ['-   2   Authors', 2],
    ] as const) {
      expect(classifyLink(text, PAPER, false)).toEqual({
        role: 'fact',
        fact: { kind: 'authors', count, arxivId: '2505.01234' },
      });
    }
    expect(classifyLink('8 authors and more', PAPER, false)).toEqual({
      role: 'paper',
      arxivId: '2505.01234',
      text: '8 authors and more',
    });
  });

  it("tells an organisation's account from the site's sections, in any case", () => {
    expect(classifyLink('Google', 'https://huggingface.co/google', true)).toEqual({
      role: 'fact',
      fact: { kind: 'organization', name: 'Google' },
    });
    for (const url of [
      'https://huggingface.co/models',
      'https://huggingface.co/Models/',
      'https://www.huggingface.co/terms-of-service',
    ])
      expect(classifyLink('Models', url, false)).toEqual({ role: 'skip' });
    expect(classifyLink('Models lab', 'https://huggingface.co/models-lab', false)).toEqual({
      role: 'fact',
      fact: { kind: 'organization', name: 'Models lab' },
    });
  });
});

describe('classifyText', () => {
  it('reads a date line the same each time it is seen', () => {
    const oct3 = { role: 'date', date: { month: 10, day: 3 } };
    expect(classifyText('Oct 3')).toEqual(oct3);
    expect(classifyText('Not a date')).toEqual({ role: 'content' });
    expect(classifyText('Oct 3')).toEqual(oct3);
    expect(classifyText('Not a date')).toEqual({ role: 'content' });
    expect(classifyText('Sep 30, 2024')).toEqual({ role: 'date', date: { month: 9, day: 30, year: 2024 } });
    expect(classifyText('September 30, 2024')).toEqual({
      role: 'date',
      date: { month: 9, day: 30, year: 2024 },
    });
    expect(classifyText('- 12 authors')).toEqual({ role: 'fact', fact: { kind: 'authors', count: 12 } });
  });
});
