import { FONTSTACK_BOLD, FONTSTACK_REGULAR } from 'domain/glyphs';
import { expect, it } from 'vitest';
import { FONTSTACKS } from '../../build/glyphs';

it('the build writes glyphs under the fontstack names every style asks for (console labels, vector basemap)', () => {
  expect(Object.keys(FONTSTACKS).sort()).toEqual([FONTSTACK_BOLD, FONTSTACK_REGULAR].sort());
});
