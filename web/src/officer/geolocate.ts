/**
 * navigator.geolocation as a promise with a reason a person can act on. High accuracy (GPS) because a grid can be
 * a few hundred metres across; a timeout so that a phone without a fix does not leave the officer waiting forever.
 */
export interface Fix {
  lon: number;
  lat: number;
  /** Radius of 68% confidence in metres, as the browser reports it. */
  accuracy: number;
}

export type GeoErrorKind = 'denied' | 'unavailable' | 'timeout' | 'unsupported';

export class GeoError extends Error {
  constructor(readonly kind: GeoErrorKind) {
    super(kind);
  }
}

export const GEO_OPTIONS: PositionOptions = { enableHighAccuracy: true, timeout: 15_000, maximumAge: 5_000 };

const toFix = (p: GeolocationPosition): Fix => ({ lon: p.coords.longitude, lat: p.coords.latitude, accuracy: p.coords.accuracy });

const toError = (e: GeolocationPositionError) =>
  new GeoError(e.code === e.PERMISSION_DENIED ? 'denied' : e.code === e.TIMEOUT ? 'timeout' : 'unavailable');

export function currentFix(): Promise<Fix> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) return reject(new GeoError('unsupported'));
    navigator.geolocation.getCurrentPosition((p) => resolve(toFix(p)), (e) => reject(toError(e)), GEO_OPTIONS);
  });
}

/** Follows the position; returns the function that stops following. */
export function watchFix(onFix: (f: Fix) => void, onError: (e: GeoError) => void): () => void {
  if (!('geolocation' in navigator)) {
    onError(new GeoError('unsupported'));
    return () => undefined;
  }
  const id = navigator.geolocation.watchPosition((p) => onFix(toFix(p)), (e) => onError(toError(e)), GEO_OPTIONS);
  return () => navigator.geolocation.clearWatch(id);
}
