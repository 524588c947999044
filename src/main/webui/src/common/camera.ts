/**
 * Reading QR codes from the device's camera: the browser's own BarcodeDetector where it has one
 * (Android, macOS, ChromeOS), otherwise jsQR, loaded only when a scan starts so that no screen pays
 * for it up front.
 */

/** Why the camera could not be used, said to the user in words (common.scanner.*). */
export type CameraTrouble = "denied" | "noCamera" | "busy" | "unsupported" | "failed";

/** What getUserMedia's refusal means to the person holding the device. */
export function cameraTrouble(error: unknown): CameraTrouble {
  const name = (error as { name?: unknown } | null)?.name;
  switch (name) {
    case "NotAllowedError":
    case "SecurityError":
    case "PermissionDeniedError":
      return "denied";
    case "NotFoundError":
    case "OverconstrainedError":
    case "DevicesNotFoundError":
      return "noCamera";
    case "NotReadableError":
    case "AbortError":
    case "TrackStartError":
      return "busy";
    case "TypeError":
      return "unsupported";
    default:
      return "failed";
  }
}

/** Reads one frame of the video; the QR code's text, or null when there is none in sight. */
export type QrReader = (video: HTMLVideoElement) => Promise<string | null>;

interface DetectedBarcode { rawValue: string }
interface BarcodeDetectorLike { detect(source: CanvasImageSource): Promise<DetectedBarcode[]> }
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

async function nativeReader(): Promise<QrReader | null> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (!Detector) return null;
  try {
    // desktop Linux and Windows Chrome have the class but no QR format
    if (!(await Detector.getSupportedFormats()).includes("qr_code")) return null;
    const detector = new Detector({ formats: ["qr_code"] });
    return async (video) => (await detector.detect(video))[0]?.rawValue ?? null;
  } catch {
    return null;
  }
}

/** A frame is scaled down to this many pixels on its longer side: a payment code fills much of it. */
const FRAME = 640;

async function jsQrReader(): Promise<QrReader> {
  const { default: jsQR } = await import("jsqr");
  const canvas = document.createElement("canvas");
  const g = canvas.getContext("2d", { willReadFrequently: true });
  return async (video) => {
    const w = video.videoWidth;
    const h = video.videoHeight;
    if (!g || !w || !h) return null;
    const scale = Math.min(1, FRAME / Math.max(w, h));
    canvas.width = Math.round(w * scale);
    canvas.height = Math.round(h * scale);
    g.drawImage(video, 0, 0, canvas.width, canvas.height);
    const image = g.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" })?.data ?? null;
  };
}

export async function qrReader(): Promise<QrReader> {
  return (await nativeReader()) ?? jsQrReader();
}
