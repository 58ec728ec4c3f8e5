/**
 * Counts the map frames a page draws, the same way for the console and for bare MapLibre: an init script (run
 * before the page's own code) notes when the first WebGL2 context is made (the map created) and every animation
 * frame callback that drew with WebGL. In software WebGL each frame costs the GPU process 100–400 ms, so the
 * number of frames drawn before the first full render is much of the difference between the two pages.
 */
export interface FrameCount {
  /** ms since navigation when the first WebGL2 context was created (the map's canvas), or null. */
  mapCreated: number | null;
  /** Frames that drew, until the moment this was read. */
  frames: number;
  /** ms since navigation of the first frame drawn, or null. */
  firstFrame: number | null;
}

export const COUNT_FRAMES = `(() => {
  const s = { mapCreated: null, frames: 0, firstFrame: null, drew: false };
  window.__benchFrames = s;
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
    if (kind === 'webgl2' && s.mapCreated === null) s.mapCreated = performance.now();
    return getContext.call(this, kind, ...rest);
  };
  for (const name of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced']) {
    const draw = WebGL2RenderingContext.prototype[name];
    WebGL2RenderingContext.prototype[name] = function (...a) { s.drew = true; return draw.apply(this, a); };
  }
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((t) => {
    s.drew = false;
    try { cb(t); } finally {
      if (s.drew) { s.frames++; if (s.firstFrame === null) s.firstFrame = performance.now(); }
    }
  });
})()`;

export const READ_FRAMES = `(() => { const s = window.__benchFrames; return { mapCreated: s.mapCreated, frames: s.frames, firstFrame: s.firstFrame }; })()`;
