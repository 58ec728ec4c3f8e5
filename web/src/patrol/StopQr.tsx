/**
 * A stop's QR code on the printed sheet: an inline SVG made in the browser by the `qrcode` package (nothing is
 * fetched), medium error correction so a creased or smudged sheet still scans.
 */
import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

export function StopQr({ url, label }: { url: string; label: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 })
      .then((s) => live && setSvg(s))
      .catch(() => live && setSvg(null));
    return () => {
      live = false;
    };
  }, [url]);
  // The SVG comes from qrcode for our own URL: no user text reaches the markup.
  return svg ? <span className="patrol-qr" role="img" aria-label={label} data-url={url} dangerouslySetInnerHTML={{ __html: svg }} /> : <span className="patrol-qr" />;
}
