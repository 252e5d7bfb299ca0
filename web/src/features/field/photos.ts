// Photos from the phone camera, kept as they are when the API accepts their type (JPEG, PNG),
// otherwise (HEIC, WebP…) re-encoded as JPEG in the browser.
export async function asUploadable(file: File): Promise<{ name: string; type: string; blob: Blob }> {
  if (file.type === "image/jpeg" || file.type === "image/png") return { name: file.name, type: file.type, blob: file };
  const bitmap = await createImageBitmap(file);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  canvas.getContext("2d")?.drawImage(bitmap, 0, 0);
  const blob = await canvas.convertToBlob({ type: "image/jpeg", quality: 0.85 });
  return { name: `${file.name.replace(/\.[^.]*$/, "")}.jpg`, type: "image/jpeg", blob };
}
