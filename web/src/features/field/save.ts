import { asUploadable } from "./photos";
import { type Photo, type Submission, saveToOutbox } from "./outbox";

/** Saves a capture with its photos (one list per finding) into the outbox. */
export async function saveCapture(owner: string, title: string, submission: Submission, photosPerFinding: File[][]) {
  const photos: Omit<Photo, "id" | "uploaded">[] = [];
  for (const [finding, files] of photosPerFinding.entries()) {
    for (const file of files) photos.push({ ...(await asUploadable(file)), finding });
  }
  return saveToOutbox(owner, title, submission, photos);
}
