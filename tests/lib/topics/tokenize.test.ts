import { describe, expect, it } from 'vitest';
import { foldedWords, stemWord, tokenize } from '../../../src/lib/topics/tokenize';

describe('tokenize', () => {
  it('ignores case, accents, hyphens and possessives', () => {
    expect(tokenize('Cross-lingual LLMs')).toEqual(tokenize('cross lingual llm'));
    expect(tokenize('Café’s Modèle')).toEqual(['cafe', 'model']);
    expect(foldedWords('  GPT-4o, (RAG)!  ')).toEqual(['gpt', '4o', 'rag']);
  });

  it('folds plurals and -ing/-ed forms onto one stem', () => {
    for (const [a, b] of [
      ['models', 'model'],
      ['studies', 'study'],
      ['patches', 'patch'],
      ['biases', 'bias'],
      ['training', 'trained'],
      ['embeddings', 'embed'],
      ['finetuned', 'finetune'],
      ['modelling', 'modeling'],
    ]) {
      expect(stemWord(a!), `${a} ~ ${b}`).toBe(stemWord(b!));
    }
  });

  it('leaves short words and singular -ss/-us/-is words alone', () => {
    for (const word of ['gas', 'rag', 'loss', 'corpus', 'analysis', 'bias'])
      expect(stemWord(word)).toBe(word);
  });
});
